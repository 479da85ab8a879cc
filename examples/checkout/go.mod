// The checkout service's Go module (an example file: archvet init --from
// reads its presence, go.sum's, and the OpenTelemetry SDK it requires).
module git.example.com/storefront/checkout

go 1.23

require (
	github.com/google/uuid v1.6.0
	go.opentelemetry.io/otel/sdk v1.32.0
)

// The checkout service's Go module (an example file: only its presence
// and go.sum's are read, by archvet init --from).
module git.example.com/storefront/checkout

go 1.23

require github.com/google/uuid v1.6.0

package report

import (
	"io"
	"testing"
)

// BenchmarkRender writes the report of the three YAML examples, checked
// against the whole catalogue, in each format: go test -run '^$' -bench
// Render ./internal/report. Checking them is not counted.
func BenchmarkRender(b *testing.B) {
	rep := checkPaths(b, "../../examples/checkout/design.yaml", "../../examples/fulfilment/design.yaml", "../../examples/prototype/design.yaml")
	opts := Options{Catalogue: fullEngine.compile(b, func(string) bool { return true }).Catalogue, Version: "0.0.0-bench"}
	for _, name := range Names() {
		b.Run(name, func(b *testing.B) {
			f, err := New(name, opts)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := f.Format(io.Discard, rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

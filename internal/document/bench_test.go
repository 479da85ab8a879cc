package document_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/schema"
)

// BenchmarkLoad decodes an example design review in each spelling, with
// its position index, as a check does before validating it:
// go test -run '^$' -bench Load ./internal/document.
func BenchmarkLoad(b *testing.B) {
	sch, err := schema.Load()
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct{ name, path string }{
		{"yaml", "checkout/design.yaml"},
		{"hcl", "checkout/design.hcl"},
		{"markdown", "design-doc/design.md"},
	} {
		path := filepath.Join("..", "..", "examples", filepath.FromSlash(tc.path))
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, ds := document.Load(path, src, sch); ds.HasErrors() {
					b.Fatal(ds)
				}
			}
		})
	}
}

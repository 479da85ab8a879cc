package openapi

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// FuzzOpenAPI feeds any bytes to the reader as one spec: it must never
// panic, and whatever it reports must be placed in that file.
func FuzzOpenAPI(f *testing.F) {
	fixtures, err := filepath.Glob(filepath.Join("testdata", "*"))
	if err != nil || len(fixtures) == 0 {
		f.Fatalf("no fixtures to seed from: %v", err)
	}
	for _, name := range fixtures {
		if info, err := os.Stat(name); err != nil || info.IsDir() {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	lim := fact.DefaultLimits()
	f.Fuzz(func(t *testing.T, src []byte) {
		budget := lim.MaxDocuments
		v, ds := readSpec("fuzz.yaml", src, lim, &budget)
		var out any
		if v != nil {
			out = v
		}
		if err := fact.CheckPlaced("fuzz.yaml", out, ds); err != nil {
			t.Fatal(err)
		}
	})
}

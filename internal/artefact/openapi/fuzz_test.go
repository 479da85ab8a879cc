package openapi

import (
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// FuzzOpenAPI feeds any bytes to the reader as one spec: it must never
// panic, and whatever it reports must be placed in that file.
func FuzzOpenAPI(f *testing.F) {
	seeds, err := fact.Fixtures(filepath.Join("testdata", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, src := range seeds {
		f.Add(src)
	}
	lim := fact.DefaultLimits()
	f.Fuzz(func(t *testing.T, src []byte) {
		budget := lim.MaxDocuments
		v, ds := readSpec("fuzz.yaml", src, lim, &budget)
		if err := fact.CheckPlaced("fuzz.yaml", v, ds); err != nil {
			t.Fatal(err)
		}
	})
}

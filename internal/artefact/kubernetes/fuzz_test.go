package kubernetes

import (
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// FuzzKubernetes feeds any bytes to the reader as one manifest file: it
// must never panic, and whatever it reports must be placed in that file.
func FuzzKubernetes(f *testing.F) {
	seeds, err := fact.Fixtures(filepath.Join("testdata", "*", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, src := range seeds {
		f.Add(src)
	}
	lim := fact.DefaultLimits()
	lim.MaxDocuments = 1000
	f.Fuzz(func(t *testing.T, src []byte) {
		m := newManifests(lim)
		m.add("fuzz.yaml", src)
		if err := fact.CheckPlaced("fuzz.yaml", m.result(), m.diags); err != nil {
			t.Fatal(err)
		}
	})
}

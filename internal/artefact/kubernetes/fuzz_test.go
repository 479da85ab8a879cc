package kubernetes

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// FuzzKubernetes feeds any bytes to the reader as one manifest file: it
// must never panic, and whatever it reports must be placed in that file.
func FuzzKubernetes(f *testing.F) {
	fixtures, err := filepath.Glob(filepath.Join("testdata", "*", "*.yaml"))
	if err != nil || len(fixtures) == 0 {
		f.Fatalf("no fixtures to seed from: %v", err)
	}
	for _, name := range fixtures {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
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

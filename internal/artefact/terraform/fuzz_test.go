package terraform

import (
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// FuzzTerraform feeds any bytes to the reader as one .tf file: it must
// never panic, and whatever it reports (facts or diagnostics) must be
// placed in that file.
func FuzzTerraform(f *testing.F) { fuzzFile(f, "*.tf", "fuzz.tf") }

// FuzzTerraformJSON does the same for one .tf.json file, Terraform's JSON
// syntax.
func FuzzTerraformJSON(f *testing.F) { fuzzFile(f, "*.tf.json", "fuzz.tf.json") }

// fuzzFile seeds a fuzz target with the fixtures matching glob and reads
// each input as the file name.
func fuzzFile(f *testing.F, glob, name string) {
	seeds, err := fact.Fixtures(filepath.Join("testdata", "*", glob))
	if err != nil {
		f.Fatal(err)
	}
	for _, src := range seeds {
		f.Add(src)
	}
	lim := fact.DefaultLimits()
	f.Fuzz(func(t *testing.T, src []byte) {
		tr := newTree()
		tr.parse(name, src, lim)
		v, ds := tr.result()
		if err := fact.CheckPlaced(name, v, ds); err != nil {
			t.Fatal(err)
		}
	})
}

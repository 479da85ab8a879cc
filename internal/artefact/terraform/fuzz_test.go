package terraform

import (
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// FuzzTerraform feeds any bytes to the reader as one .tf file: it must
// never panic, and whatever it reports (facts or diagnostics) must be
// placed in that file.
func FuzzTerraform(f *testing.F) {
	seeds, err := fact.Fixtures(filepath.Join("testdata", "*", "*.tf"))
	if err != nil {
		f.Fatal(err)
	}
	for _, src := range seeds {
		f.Add(src)
	}
	lim := fact.DefaultLimits()
	f.Fuzz(func(t *testing.T, src []byte) {
		tr := newTree()
		tr.parse("fuzz.tf", src, lim)
		v, ds := tr.result()
		if err := fact.CheckPlaced("fuzz.tf", v, ds); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzTerraformJSON does the same for one .tf.json file, Terraform's JSON
// syntax.
func FuzzTerraformJSON(f *testing.F) {
	seeds, err := fact.Fixtures(filepath.Join("testdata", "*", "*.tf.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, src := range seeds {
		f.Add(src)
	}
	lim := fact.DefaultLimits()
	f.Fuzz(func(t *testing.T, src []byte) {
		tr := newTree()
		tr.parse("fuzz.tf.json", src, lim)
		v, ds := tr.result()
		if err := fact.CheckPlaced("fuzz.tf.json", v, ds); err != nil {
			t.Fatal(err)
		}
	})
}

package examples

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/adr"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/imports"
	"github.com/archvet/archvet/internal/schema"
)

// adrSources are the reviews whose ADRs examples/adr holds, in the order
// they were generated: checkout's decisions, then the decisions the
// prototype's failed rules ask for.
var adrSources = []string{"checkout/design.yaml", "prototype/design.yaml"}

const adrDir = "adr/decisions"

func adrInput(t *testing.T, c *checks.Checker, design string) adr.Input {
	t.Helper()
	rep := c.CheckAll(context.Background(), []checks.Input{{Path: design}})
	src, err := os.ReadFile(design)
	if err != nil {
		t.Fatal(err)
	}
	sch, _ := schema.Load()
	doc, ds := document.Load(design, src, sch)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if ds := imports.Apply(doc); ds.HasErrors() {
		t.Fatal(ds)
	}
	return adr.NewInput(design, doc.Value, rep.Files[0].Results, asOf.Format("2006-01-02"))
}

// TestADRExampleIsCurrent regenerates examples/adr/decisions in a scratch
// directory at the same depth (so relative links match) and compares it
// byte for byte; -update rewrites the example. It also checks that
// running archvet adr over the example creates nothing.
func TestADRExampleIsCurrent(t *testing.T) {
	c := checker(t)
	scratch, err := os.MkdirTemp("adr", ".regenerated-*")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(scratch) })
	for _, design := range adrSources {
		in := adrInput(t, c, design)
		plan, err := adr.NewPlan(scratch, in, adr.MADR)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := plan.Write(); err != nil {
			t.Fatal(err)
		}
	}
	fresh, _ := filepath.Glob(filepath.Join(scratch, "*.md"))
	if *update {
		old, _ := filepath.Glob(filepath.Join(adrDir, "*.md"))
		for _, f := range old {
			os.Remove(f)
		}
		for _, f := range fresh {
			b, _ := os.ReadFile(f)
			if err := os.WriteFile(filepath.Join(adrDir, filepath.Base(f)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	kept, _ := filepath.Glob(filepath.Join(adrDir, "*.md"))
	if len(kept) != len(fresh) {
		t.Fatalf("%s holds %d ADRs, archvet adr writes %d (run go test ./examples -update)", adrDir, len(kept), len(fresh))
	}
	for _, f := range fresh {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Join(adrDir, filepath.Base(f)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is stale (run go test ./examples -update)", filepath.Join(adrDir, filepath.Base(f)))
		}
	}
	for _, design := range adrSources {
		plan, err := adr.NewPlan(adrDir, adrInput(t, c, design), adr.MADR)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(plan.Created()); n != 0 {
			t.Errorf("archvet adr %s would create %d ADRs in %s; want none", design, n, adrDir)
		}
	}
}

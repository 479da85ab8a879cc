package scaffold

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStatementsOfTheDocuments reads the labelled statements of a
// recovery plan and a capacity plan: durations in minutes or hours, a
// strategy, dates that are dates; an impossible date or an unlabelled
// number fills nothing.
func TestStatementsOfTheDocuments(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"docs/disaster-recovery.md": "# DR\n\nWe aim for an RTO of 2 hours and an RPO: 90 min.\nStrategy – pilot light.\nLast exercised 2026-13-40 (a typo).\n",
		"docs/capacity-plan.md":     "# Capacity\n\nAbout 300 rps on a normal day.\nPeak: 2,400 req/s at noon. Load-tested to 7,200 (3x) on 2026-03-01.\n",
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, ds := FromDir(FromOptions{Dir: dir, File: filepath.Join(dir, "design.yaml"), Name: "svc", Owner: "team", Tier: 1})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	for _, c := range []struct {
		keys   []string
		want   any
		source string
	}{
		{[]string{"disaster_recovery", "rto_minutes"}, int64(120), "docs/disaster-recovery.md:3"},
		{[]string{"disaster_recovery", "rpo_minutes"}, int64(90), "docs/disaster-recovery.md:3"},
		{[]string{"disaster_recovery", "strategy"}, "pilot-light", "docs/disaster-recovery.md:4"},
		{[]string{"disaster_recovery", "last_tested"}, nil, ""},
		{[]string{"capacity", "peak_rps"}, int64(2400), "docs/capacity-plan.md:4"},
		{[]string{"capacity", "load_test", "peak_multiple"}, int64(3), "docs/capacity-plan.md:4"},
		{[]string{"capacity", "load_test", "last_run"}, "2026-03-01", "docs/capacity-plan.md:4"},
		{[]string{"capacity", "load_test", "performed"}, true, "docs/capacity-plan.md:4"},
	} {
		got := lookup(d.Value, c.keys...)
		if got != c.want {
			t.Errorf("%v = %v, want %v", c.keys, got, c.want)
		}
		path := c.keys[0]
		for _, k := range c.keys[1:] {
			path += "." + k
		}
		if d.Sources[path] != c.source {
			t.Errorf("%s from %q, want %q", path, d.Sources[path], c.source)
		}
	}
}

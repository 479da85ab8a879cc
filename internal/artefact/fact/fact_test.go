package fact

import (
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/diag"
)

func TestFactShapes(t *testing.T) {
	at := At{File: "infra/db.tf", Line: 11, Column: 3}
	for _, c := range []struct {
		f    map[string]any
		want string
	}{
		{Known(int64(14), at), "14@infra/db.tf:11:3"},
		{Default(false, at), "false@infra/db.tf:11:3 (default)"},
		{Unknown("var.retention", at), "?var.retention@infra/db.tf:11:3"},
		{nil, "absent"},
	} {
		var f any
		if c.f != nil {
			f = c.f
		}
		if got := Format(f); got != c.want {
			t.Errorf("Format = %s, want %s", got, c.want)
		}
	}
	if got := Known(true, at)["at"].(map[string]any); got["file"] != "infra/db.tf" || got["line"] != 11 || got["column"] != 3 {
		t.Errorf("at = %v", got)
	}
}

func TestCheckPlacedCatchesWhatAUserCouldNotFind(t *testing.T) {
	in := At{File: "a.tf", Line: 2, Column: 1}
	for _, c := range []struct {
		v    any
		ds   diag.Diagnostics
		want string
	}{
		{map[string]any{"r": []any{map[string]any{"facts": map[string]any{"x": Known(1, in)}}}}, nil, ""},
		{map[string]any{"r": []any{Known(1, At{File: "b.tf", Line: 1, Column: 1})}}, nil, "is not in a.tf"},
		{[]any{Known(1, At{File: "a.tf", Line: 0, Column: 1})}, nil, "is not in a.tf"},
		{nil, diag.Diagnostics{diag.Errorf(&diag.Range{Filename: "a.tf"}, "x")}, "error without a position"},
		{nil, diag.Diagnostics{diag.Warningf(nil, "x")}, "diagnostic not in a.tf"},
	} {
		err := CheckPlaced("a.tf", c.v, c.ds)
		if (err == nil) != (c.want == "") || err != nil && !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckPlaced(%v, %v) = %v, want %q", c.v, c.ds, err, c.want)
		}
	}
}

func TestTheDocumentBudgetIsSharedAcrossFiles(t *testing.T) {
	lim := DefaultLimits()
	lim.MaxDocuments = 3
	budget := lim.MaxDocuments
	docs, ds := LoadYAML("a.yaml", []byte("kind: A\n---\nkind: B\n"), lim, &budget)
	if len(docs) != 2 || len(ds) > 0 || budget != 1 {
		t.Fatalf("first file: %d docs, %v, budget %d", len(docs), ds, budget)
	}
	docs, ds = LoadYAML("b.yaml", []byte("# two\nkind: C\n---\nkind: D\n"), lim, &budget)
	if len(docs) != 0 || len(ds) != 1 || !strings.HasPrefix(ds[0].Error(), "b.yaml:3:1: error: more than 3 YAML documents") {
		t.Errorf("second file: %d docs, %v", len(docs), ds)
	}
}

func TestNodesPlaceMissingValuesAtTheirParent(t *testing.T) {
	lim := DefaultLimits()
	budget := 10
	docs, _ := LoadYAML("m.yaml", []byte("spec:\n  template:\n    spec: {}\n"), lim, &budget)
	n := Root(docs[0]).Get("spec", "template", "spec", "containers")
	if n.Present() || Format(n.Known(false)) != "false@m.yaml:3:5" {
		t.Errorf("missing containers: present %v, %s", n.Present(), Format(n.Known(false)))
	}
}

func TestLoaderMessagesSpeakOfArtefacts(t *testing.T) {
	budget := 10
	_, ds := LoadYAML("m.yaml", []byte("just a string\n"), DefaultLimits(), &budget)
	if len(ds) != 1 || ds[0].Error() != "m.yaml:1:1: error: the top level of a YAML document must be a mapping of keys to values, not a string" {
		t.Errorf("got %v", ds)
	}
	_, ds = LoadYAML("m.yaml", []byte("kind: caf\xe9\n"), DefaultLimits(), &budget)
	if len(ds) != 1 || !strings.HasSuffix(ds[0].Error(), "archvet reads artefacts as UTF-8; re-save the file as UTF-8") {
		t.Errorf("got %v", ds)
	}
}

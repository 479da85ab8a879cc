package schema

import (
	"testing"

	"github.com/archvet/archvet/internal/document"
)

// TestSchemaHasNoStrayKeys catches a YAML slip in the schema source: an
// unquoted description with a comma inside a flow mapping turns its tail
// into a key with a null value, silently truncating the documentation.
func TestSchemaHasNoStrayKeys(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if e == nil {
					t.Errorf("%s.%s is null: quote the description before it", path, k)
				}
				walk(e, path+"."+k)
			}
		case []any:
			for _, e := range x {
				walk(e, path)
			}
		}
	}
	walk(s.Tree(), "")
}

func TestValidateReportsPositions(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	src := "format_version: 1\nservice:\n  name: x\n  owner: y\n  tier: 7\n  lifecyle: production\n"
	doc, ds := document.LoadYAML("d.yaml", []byte(src))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	got := s.Validate(doc)
	want := []string{
		`d.yaml:5:3: error: service.tier: maximum: got 7, want 3`,
		`d.yaml:6:3: warning: unknown field "service.lifecyle"; did you mean "lifecycle"?`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Error() != want[i] {
			t.Errorf("diagnostic %d:\n got  %s\n want %s", i, got[i].Error(), want[i])
		}
	}
}

func TestListBlockAndBlockForAgree(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	key, label, ok := s.ListBlock("events", "publish")
	if !ok || key != "publishes" || label != "name" {
		t.Errorf("ListBlock(events, publish) = %q %q %v", key, label, ok)
	}
	block, label, ok := s.BlockFor("events", "publishes")
	if !ok || block != "publish" || label != "name" {
		t.Errorf("BlockFor(events, publishes) = %q %q %v", block, label, ok)
	}
	if _, _, ok := s.ListBlock("", "service"); ok {
		t.Error("service is an object, not a list block")
	}
}

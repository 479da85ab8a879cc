package docgen

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/rules"
)

var update = flag.Bool("update", false, "rewrite the generated documents")

// TestDocsUpToDate fails when a generated document differs from what the
// schema and the rule metadata say; run `go generate ./internal/docgen`.
func TestDocsUpToDate(t *testing.T) {
	format, err := FormatMarkdown()
	if err != nil {
		t.Fatal(err)
	}
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	sources, err := rules.BuiltinSources()
	if err != nil {
		t.Fatal(err)
	}
	cat, ds := rules.Parse(sources)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	want := map[string]string{
		"format.md":                 format,
		"design-review.schema.json": string(sch.JSON()),
		"rules.md":                  RulesMarkdown(cat),
	}
	for name, content := range want {
		path := filepath.Join("..", "..", "docs", name)
		if *update {
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go generate ./internal/docgen)", err)
		}
		if string(got) != content {
			t.Errorf("docs/%s is stale: run go generate ./internal/docgen", name)
		}
	}
}

package imports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/document"
)

// One fuzz target per reader: the fuzzed bytes are the imported file, and
// whatever they hold, Apply must return (no panic), place every
// diagnostic in the review or the imported file, and leave a review that
// still has its own service fields.

func fuzzImport(f *testing.F, key, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for _, ex := range []string{"catalog-info.yaml", "slo.yaml", "score.yaml"} {
		if src, err := os.ReadFile(filepath.Join("..", "..", "examples", "imports", ex)); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 64<<10 {
			return
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
		value := name
		if key == "openslo" {
			value = "[" + name + "]"
		}
		review := filepath.Join(dir, "design.yaml")
		text := "format_version: 1\nimports:\n  " + key + ": " + value + "\nservice:\n  name: orders\n  owner: team-orders\n  tier: 2\n"
		doc, ds := document.LoadYAML(review, []byte(text))
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		for _, d := range Apply(doc) {
			if d.Subject == nil || (d.Subject.Filename != review && d.Subject.Filename != filepath.Join(dir, name)) {
				t.Fatalf("diagnostic outside the two files: %v", d)
			}
			if strings.TrimSpace(d.Summary) == "" {
				t.Fatalf("diagnostic without a message: %#v", d)
			}
		}
		svc, ok := doc.Value["service"].(map[string]any)
		if !ok || svc["name"] != "orders" || svc["owner"] != "team-orders" {
			t.Fatalf("the review's own service fields changed: %v", doc.Value["service"])
		}
	})
}

func FuzzOpenSLO(f *testing.F) {
	fuzzImport(f, "openslo", "slo.yaml",
		"- kind: SLO\n  metadata: {name: a}\n  spec: {timeWindows: [{unit: Day, count: 28}], objectives: [{target: 0.99}]}\n",
		"kind: SLO\nmetadata: {name: a}\nspec: {timeWindow: [{duration: 1m}], objectives: [{targetPercent: 99.9}]}\n",
		"kind: SLI\nmetadata: {name: a}\n")
}

func FuzzBackstage(f *testing.F) {
	fuzzImport(f, "backstage", "catalog-info.yaml",
		"kind: Component\nmetadata: {name: orders}\nspec: {owner: group:a/b, dependsOn: [resource:db, x], dependencyOf: [component:y]}\n",
		"- kind: Component\n  metadata: {name: other}\n")
}

func FuzzScore(f *testing.F) {
	fuzzImport(f, "score", "score.yaml",
		"apiVersion: score.dev/v1b1\nresources:\n  dep: {type: service-port, params: {workload: a, port: web}}\n  db: {type: postgres}\n",
		"apiVersion: score.dev/v1b1\nservice: {ports: {web: {port: 80}}}\ncontainers: {main: {livenessProbe: {exec: {command: [a, 1]}}}}\n")
}

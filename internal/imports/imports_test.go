package imports

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

// setup writes files into a temporary directory and loads design.yaml.
func setup(t *testing.T, files map[string]string) *document.Document {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "design.yaml")
	src, _ := os.ReadFile(path)
	doc, ds := document.LoadYAML(path, src)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return doc
}

func value(t *testing.T, doc *document.Document, keys ...any) any {
	t.Helper()
	var v any = doc.Value
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

// at says where a review path points: file base name, line and column.
func where(t *testing.T, doc *document.Document, path string) string {
	t.Helper()
	r, exact, ok := doc.Index.Resolve(path)
	if !ok || !exact {
		t.Fatalf("%s is not indexed", path)
	}
	return fmt.Sprintf("%s:%d:%d", filepath.Base(r.Filename), r.Start.Line, r.Start.Column)
}

// pointsAt checks where each review path points: file:line:col.
func pointsAt(t *testing.T, doc *document.Document, want map[string]string) {
	t.Helper()
	for path, w := range want {
		if got := where(t, doc, path); got != w {
			t.Errorf("%s points at %s, want %s", path, got, w)
		}
	}
}

func noErrors(t *testing.T, ds diag.Diagnostics) {
	t.Helper()
	if len(ds) > 0 {
		t.Fatal(ds)
	}
}

const catalog = `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-api
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
spec:
  type: service
  lifecycle: experimental
  owner: group:default/team-orders
  system: system:storefront
  dependsOn:
    - resource:default/orders-db
    - component:default/pricing
    - component:payments
  providesApis: [orders-api]
  consumesApis: [fraud-api]
`

func TestBackstage(t *testing.T) {
	doc := setup(t, map[string]string{
		"catalog-info.yaml": catalog,
		"design.yaml": `format_version: 1
imports:
  backstage: catalog-info.yaml
service:
  tier: 2
dependencies:
  - name: payments
    timeout_ms: 800
`,
	})
	noErrors(t, Apply(doc))
	want := map[string]any{"name": "orders", "owner": "team-orders", "tier": int64(2), "lifecycle": "experimental", "system": "storefront"}
	if got := value(t, doc, "service"); !reflect.DeepEqual(got, want) {
		t.Errorf("service = %v, want %v", got, want)
	}
	// payments was already in the review: it keeps its own facts and place.
	deps := value(t, doc, "dependencies").([]any)
	if got := deps[0]; !reflect.DeepEqual(got, map[string]any{"name": "payments", "timeout_ms": int64(800), "kind": "internal-service"}) {
		t.Fatalf("dependencies[0] = %v", got)
	}
	if got := deps[1]; !reflect.DeepEqual(got, map[string]any{"name": "pricing", "kind": "internal-service"}) {
		t.Errorf("dependencies[1] = %v", got)
	}
	if got := deps[2]; len(deps) != 3 || !reflect.DeepEqual(got, map[string]any{"name": "fraud-api"}) {
		t.Errorf("dependencies = %v", deps)
	}
	if got := value(t, doc, "data_stores"); !reflect.DeepEqual(got, []any{map[string]any{"name": "orders-db"}}) {
		t.Errorf("data_stores = %v", got)
	}
	if got := value(t, doc, "apis"); !reflect.DeepEqual(got, []any{map[string]any{"name": "orders-api"}}) {
		t.Errorf("apis = %v", got)
	}
	// Imported facts point into the catalog file, second document and all.
	for path, want := range map[string]string{
		"service.owner":              "catalog-info.yaml:13:3",
		"service.lifecycle":          "catalog-info.yaml:12:3",
		"dependencies[1]":            "catalog-info.yaml:17:7",
		"dependencies[1].kind":       "catalog-info.yaml:17:7",
		"data_stores[0].name":        "catalog-info.yaml:16:7",
		"apis[0]":                    "catalog-info.yaml:19:18",
		"dependencies[0]":            "design.yaml:7:5",
		"service.tier":               "design.yaml:5:3",
		"dependencies[0].kind":       "catalog-info.yaml:18:7",
		"data_stores":                "design.yaml:3:3",
		"data_stores[0]":             "catalog-info.yaml:16:7",
		"dependencies[2].name":       "catalog-info.yaml:20:18",
		"service.system":             "catalog-info.yaml:14:3",
		"dependencies[1].name":       "catalog-info.yaml:17:7",
		"apis[0].name":               "catalog-info.yaml:19:18",
		"service.name":               "catalog-info.yaml:9:3",
		"dependencies[0].timeout_ms": "design.yaml:8:5",
	} {
		if want == "" {
			if _, _, ok := doc.Index.Resolve(path); ok {
				if r, exact, _ := doc.Index.Resolve(path); exact {
					t.Errorf("%s is indexed at %v; the import must not add it", path, r)
				}
			}
			continue
		}
		if got := where(t, doc, path); got != want {
			t.Errorf("%s points at %s, want %s", path, got, want)
		}
	}
}

func TestReviewWins(t *testing.T) {
	doc := setup(t, map[string]string{
		"catalog-info.yaml": catalog,
		"design.yaml": `format_version: 1
imports: {backstage: catalog-info.yaml}
service: {name: orders, owner: team-a, tier: 1, lifecycle: production}
`,
	})
	noErrors(t, Apply(doc))
	if got := value(t, doc, "service", "owner"); got != "team-a" {
		t.Errorf("owner = %v", got)
	}
	if got := value(t, doc, "service", "lifecycle"); got != "production" {
		t.Errorf("lifecycle = %v", got)
	}
	if got := where(t, doc, "service.owner"); got != "design.yaml:3:25" {
		t.Errorf("owner points at %s", got)
	}
}

func TestOpenSLO(t *testing.T) {
	doc := setup(t, map[string]string{
		"slo.yaml": `apiVersion: openslo/v1
kind: SLI
metadata: {name: ignored}
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: api-availability
spec:
  indicator:
    metadata: {name: api-availability-ratio}
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: api-latency
spec:
  indicatorRef: api-latency-p99
  timeWindow: [{duration: 4w}]
  objectives:
    - targetPercent: 99
`,
		"design.yaml": `format_version: 1
imports:
  openslo: [slo.yaml]
service: {name: api, owner: t, tier: 1}
slos:
  - name: api-latency
    objective_percent: 95
`,
	})
	noErrors(t, Apply(doc))
	slos := value(t, doc, "slos").([]any)
	want := []any{
		map[string]any{"name": "api-latency", "objective_percent": int64(95), "window_days": int64(28), "sli": "latency"},
		map[string]any{"name": "api-availability", "objective_percent": 99.9, "window_days": int64(28), "sli": "availability"},
	}
	if !reflect.DeepEqual(slos, want) {
		t.Errorf("slos = %v\nwant   %v", slos, want)
	}
	pointsAt(t, doc, map[string]string{
		"slos[0].objective_percent": "design.yaml:7:5",
		"slos[0].window_days":       "slo.yaml:25:17",
		"slos[1]":                   "slo.yaml:8:3",
		"slos[1].objective_percent": "slo.yaml:17:7",
		"slos[1].sli":               "slo.yaml:11:16",
	})
}

func TestOpenSLOListCreatedAtTheImport(t *testing.T) {
	doc := setup(t, map[string]string{
		"a.yaml":      "kind: SLO\nmetadata: {name: a}\nspec: {objectives: [{target: 0.99}]}\n",
		"design.yaml": "format_version: 1\nimports:\n  openslo:\n    - a.yaml\n",
	})
	noErrors(t, Apply(doc))
	if got := where(t, doc, "slos"); got != "design.yaml:4:7" {
		t.Errorf("slos points at %s, want the imports entry", got)
	}
	if got := value(t, doc, "slos", 0, "objective_percent"); got != int64(99) {
		t.Errorf("objective = %#v", got)
	}
}

func TestScore(t *testing.T) {
	doc := setup(t, map[string]string{
		"score.yaml": `apiVersion: score.dev/v1b1
metadata: {name: api}
containers:
  sidecar:
    image: envoy
  main:
    image: api
    resources:
      limits: {cpu: "1"}
    livenessProbe:
      httpGet: {path: /livez, port: 8080}
    readinessProbe:
      exec:
        command: [/bin/ready, --quick]
service:
  ports:
    web: {port: 80, targetPort: 8080}
resources:
  db: {type: postgres}
  cache: {type: redis}
  dns: {type: dns}
`,
		"design.yaml": `format_version: 1
imports: {score: score.yaml}
service: {name: api, owner: t, tier: 2}
data_stores:
  - name: cache
    kind: cache
`,
	})
	noErrors(t, Apply(doc))
	if got := value(t, doc, "processes"); !reflect.DeepEqual(got, map[string]any{
		"health_checks": map[string]any{"liveness": "/livez", "readiness": "/bin/ready --quick"},
		"port_binding":  map[string]any{"port": int64(8080)},
	}) {
		t.Errorf("processes = %v", got)
	}
	if got := value(t, doc, "data_stores"); !reflect.DeepEqual(got, []any{
		map[string]any{"name": "cache", "kind": "cache", "engine": "Redis"},
		map[string]any{"name": "db", "kind": "relational", "engine": "PostgreSQL"},
	}) {
		t.Errorf("data_stores = %v", got)
	}
	pointsAt(t, doc, map[string]string{
		"processes.health_checks.liveness":  "score.yaml:10:5",
		"processes.health_checks.readiness": "score.yaml:12:5",
		"processes.port_binding.port":       "score.yaml:17:21",
		"data_stores[1]":                    "score.yaml:19:3",
		"data_stores[0].engine":             "score.yaml:20:11",
	})
	// Objects the import creates are the review's to fix: not indexed.
	if _, exact, _ := doc.Index.Resolve("processes"); exact {
		t.Error("processes is indexed into the Score file")
	}
}

func TestErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		files  map[string]string
		want   string
		severe bool
	}{
		{"missing", map[string]string{"design.yaml": "format_version: 1\nimports:\n  backstage: nope.yaml\n"},
			"design.yaml:3:3: error: cannot read the imported Backstage catalog file", true},
		{"missing slo", map[string]string{"design.yaml": "format_version: 1\nimports:\n  openslo: [a.yaml, b.yaml]\n", "a.yaml": "kind: SLO\nmetadata: {name: a}\n"},
			"design.yaml:3:21: error: cannot read the imported OpenSLO file", true},
		{"syntax", map[string]string{"design.yaml": "format_version: 1\nimports: {score: score.yaml}\n", "score.yaml": "apiVersion: score.dev/v1b1\ncontainers:\n  main: [oops\n"},
			"score.yaml:3:3: error: invalid YAML", true},
		{"type", map[string]string{"design.yaml": "format_version: 1\nimports: {backstage: c.yaml}\n", "c.yaml": "kind: Component\nmetadata: {name: x}\nspec:\n  owner: [a, b]\n"},
			"c.yaml:4:3: error: spec.owner: want a string", true},
		{"no component", map[string]string{"design.yaml": "format_version: 1\nimports: {backstage: c.yaml}\n", "c.yaml": "kind: API\nmetadata: {name: x}\n"},
			"design.yaml:2:11: error: the imported Backstage catalog file", true},
		{"bad window", map[string]string{"design.yaml": "format_version: 1\nimports: {openslo: [s.yaml]}\n", "s.yaml": "kind: SLO\nmetadata: {name: a}\nspec:\n  timeWindow:\n    - duration: a month\n"},
			"s.yaml:5:7: error: spec.timeWindow[0].duration: \"a month\" is not an OpenSLO duration", true},
		{"bad target", map[string]string{"design.yaml": "format_version: 1\nimports: {openslo: [s.yaml]}\n", "s.yaml": "kind: SLO\nmetadata: {name: a}\nspec:\n  objectives:\n    - target: 99.9\n"},
			"s.yaml:5:7: error: spec.objectives[0].target: 99.9 is not a ratio between 0 and 1", true},
		{"odd lifecycle", map[string]string{"design.yaml": "format_version: 1\nimports: {backstage: c.yaml}\n", "c.yaml": "kind: Component\nmetadata: {name: x}\nspec:\n  lifecycle: beta\n"},
			"c.yaml:4:3: warning: lifecycle \"beta\" is not one of", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := setup(t, c.files)
			ds := Apply(doc)
			if ds.HasErrors() != c.severe {
				t.Fatalf("HasErrors = %v: %v", ds.HasErrors(), ds)
			}
			got := ""
			for _, d := range ds {
				got += strings.TrimPrefix(d.Error(), filepath.Dir(doc.Path)+string(filepath.Separator)) + "\n"
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("got\n%s\nwant %s", got, c.want)
			}
		})
	}
}

func TestNoImports(t *testing.T) {
	doc := setup(t, map[string]string{"design.yaml": "format_version: 1\nimports: 3\n"})
	if ds := Apply(doc); len(ds) != 0 {
		t.Fatal(ds)
	}
}

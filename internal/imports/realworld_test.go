package imports

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/document"
)

// Each test here is built from a file written for it in the shape of a
// public file that archvet once mishandled (the reproductions are in the
// real-world review of issue 10); none is a copy.

// applyTexts merges the imports of design.yaml and returns the
// diagnostics' texts, one a line, file names relative to the review.
func applyTexts(t *testing.T, files map[string]string) (string, bool, *document.Document) {
	t.Helper()
	doc := setup(t, files)
	ds := Apply(doc)
	var out []string
	for _, d := range ds {
		out = append(out, strings.ReplaceAll(d.Error(), filepath.Dir(doc.Path)+string(filepath.Separator), ""))
	}
	return strings.Join(out, "\n"), ds.HasErrors(), doc
}

// loadReview decodes a review written at path.
func loadReview(t *testing.T, path string) *document.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, ds := document.LoadYAML(path, src)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return doc
}

// OpenSLO's SDK and oslo read a file whose top level is a list of
// objects; the SLOs in it are imported like those of --- documents, and
// each fact points at its line in the list.
func TestOpenSLOListForm(t *testing.T) {
	doc := setup(t, map[string]string{
		"slos.yaml": `- apiVersion: openslo/v1
  kind: SLI
  metadata:
    name: checkout-errors
  spec:
    ratioMetric: {}
- apiVersion: openslo/v1
  kind: SLO
  metadata:
    name: checkout-availability
  spec:
    service: checkout
    indicatorRef: checkout-errors
    timeWindow:
      - duration: 1w
        isRolling: true
    budgetingMethod: Occurrences
    objectives:
      - target: 0.995
- apiVersion: openslo/v1
  kind: SLO
  metadata:
    name: checkout-latency
  spec:
    timeWindow: [{duration: 30d}]
    objectives: [{targetPercent: 99}]
`,
		"design.yaml": "format_version: 1\nimports:\n  openslo: [slos.yaml]\nservice: {name: checkout, owner: t, tier: 1}\n",
	})
	noErrors(t, Apply(doc))
	want := []any{
		map[string]any{"name": "checkout-availability", "objective_percent": 99.5, "window_days": int64(7), "sli": "availability"},
		map[string]any{"name": "checkout-latency", "objective_percent": int64(99), "window_days": int64(30), "sli": "latency"},
	}
	if got := value(t, doc, "slos"); !reflect.DeepEqual(got, want) {
		t.Errorf("slos = %v\nwant   %v", got, want)
	}
	pointsAt(t, doc, map[string]string{
		"slos[0]":                   "slos.yaml:10:5",
		"slos[0].objective_percent": "slos.yaml:19:9",
		"slos[0].window_days":       "slos.yaml:15:9",
		"slos[1].window_days":       "slos.yaml:25:19",
	})
}

// v1alpha spells the window as a count of units.
func TestOpenSLOV1alphaTimeWindows(t *testing.T) {
	doc := setup(t, map[string]string{
		"slo.yaml": `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: search-ratio
  displayName: Search success ratio
spec:
  service: search
  budgetingMethod: Occurrences
  timeWindows:
    - unit: Day
      count: 28
      isRolling: true
  objectives:
    - displayName: good searches
      target: 0.98
      ratioMetrics:
        good: {source: prometheus, queryType: promql, query: x}
        total: {source: prometheus, queryType: promql, query: y}
---
apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: search-weekly
spec:
  timeWindows: [{unit: Week, count: 2, isRolling: false}]
  objectives: [{target: 0.9}]
---
apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: search-hourly
spec:
  timeWindows: [{unit: Hour, count: 6}]
`,
		"design.yaml": "format_version: 1\nimports:\n  openslo: [slo.yaml]\nservice: {name: search, owner: t, tier: 2}\n",
	})
	ds := Apply(doc)
	if ds.HasErrors() || len(ds) != 1 || !strings.HasSuffix(ds[0].Error(), "slo.yaml:33:30: warning: time window 6 Hour is not a whole number of days; window_days is not imported") {
		t.Fatalf("diagnostics: %v", ds)
	}
	if got := value(t, doc, "slos", 0, "window_days"); got != int64(28) {
		t.Errorf("28 Day gives window_days %v", got)
	}
	if got := value(t, doc, "slos", 1, "window_days"); got != int64(14) {
		t.Errorf("2 Week gives window_days %v", got)
	}
	if got := where(t, doc, "slos[0].window_days"); got != "slo.yaml:11:7" {
		t.Errorf("window_days points at %s", got)
	}
	if _, ok := value(t, doc, "slos", 2).(map[string]any)["window_days"]; ok {
		t.Error("a 6-hour window was imported")
	}
}

// An OpenSLO file holding only an SLI, an AlertPolicy or a Service is
// valid OpenSLO: a warning, and the run goes on.
func TestOpenSLOFileWithoutSLO(t *testing.T) {
	texts, bad, _ := applyTexts(t, map[string]string{
		"sli.yaml": `apiVersion: openslo/v1
kind: SLI
metadata:
  name: lookup-latency
spec:
  thresholdMetric:
    metricSource:
      type: CloudWatch
      spec: {namespace: x, metricName: y}
`,
		"empty.yaml":  "# nothing here yet\n",
		"design.yaml": "format_version: 1\nimports:\n  openslo: [sli.yaml, empty.yaml]\nservice: {name: lookup, owner: t, tier: 2}\n",
	})
	want := "design.yaml:3:13: warning: the imported OpenSLO file sli.yaml holds no SLO (kind: SLO); nothing is imported from it\n" +
		"design.yaml:3:23: warning: the imported OpenSLO file empty.yaml holds no SLO (kind: SLO); nothing is imported from it"
	if bad || texts != want {
		t.Errorf("got (errors %v)\n%s\nwant\n%s", bad, texts, want)
	}
}

// A catalog file with one Component, named otherwise than the review's
// service, describes another component: a warning, and nothing of it is
// merged.
func TestBackstageSingleComponentOfAnotherName(t *testing.T) {
	texts, bad, d := applyTexts(t, map[string]string{
		"catalog-info.yaml": `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: storefront-web
  description: The shop's web front end
  tags: [web]
spec:
  type: website
  lifecycle: production
  owner: team-web
  providesApis: [storefront-api]
  dependsOn: [component:search]
`,
		"design.yaml": "format_version: 1\nimports:\n  backstage: catalog-info.yaml\nservice: {name: invoicing, tier: 1}\n",
	})
	want := `design.yaml:3:3: warning: the imported Backstage catalog file catalog-info.yaml describes component "storefront-web", not "invoicing" (service.name); nothing is imported from it`
	if bad || texts != want {
		t.Errorf("got (errors %v)\n%s\nwant\n%s", bad, texts, want)
	}
	if got := value(t, d, "service"); !reflect.DeepEqual(got, map[string]any{"name": "invoicing", "tier": int64(1)}) {
		t.Errorf("service = %v: the other component was merged", got)
	}
	for _, key := range []string{"apis", "dependencies"} {
		if _, ok := d.Value[key]; ok {
			t.Errorf("%s imported from the other component", key)
		}
	}
}

// dependencyOf says which components depend on this one: they call it, so
// they are its clients.
func TestBackstageDependencyOf(t *testing.T) {
	doc := setup(t, map[string]string{
		"catalog-info.yaml": `---
# the ledger is used by two services and a batch job
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
  namespace: finance
spec:
  type: service
  lifecycle: production
  owner: group:finance/ledger-team
  dependencyOf:
    - component:finance/invoicing
    - payouts
    - resource:finance/nightly-export
`,
		"design.yaml": "format_version: 1\nimports:\n  backstage: catalog-info.yaml\nservice:\n  name: ledger\n  tier: 1\n  clients:\n    - name: payouts\n      kind: batch\n",
	})
	ds := Apply(doc)
	if len(ds) != 1 || !strings.HasSuffix(ds[0].Error(), `catalog-info.yaml:15:7: warning: dependencyOf "resource:finance/nightly-export": only components are imported, as clients of the service`) {
		t.Fatalf("diagnostics: %v", ds)
	}
	want := []any{
		map[string]any{"name": "payouts", "kind": "batch"}, // the review's own word wins
		map[string]any{"name": "invoicing", "kind": "internal-service"},
	}
	if got := value(t, doc, "service", "clients"); !reflect.DeepEqual(got, want) {
		t.Errorf("clients = %v", got)
	}
	if got := where(t, doc, "service.clients[1]"); got != "catalog-info.yaml:13:7" {
		t.Errorf("the client points at %s", got)
	}
}

// A Score service-port resource is a dependency on another workload.
func TestScoreServicePort(t *testing.T) {
	doc := setup(t, map[string]string{
		"score.yaml": `apiVersion: score.dev/v1b1
metadata:
  name: reporter
containers:
  main:
    image: registry.example.com/reporter:2
    variables:
      LEDGER_URL: "http://${resources.ledger.hostname}:${resources.ledger.port}"
resources:
  ledger:
    type: service-port
    params:
      workload: ledger
      port: api
  unnamed:
    type: service-port
`,
		"design.yaml": "format_version: 1\nimports:\n  score: score.yaml\nservice: {name: reporter, owner: t, tier: 2}\n",
	})
	ds := Apply(doc)
	if len(ds) != 1 || !strings.HasSuffix(ds[0].Error(), "score.yaml:15:3: warning: resources.unnamed: a service-port resource without params.workload names no workload; it is not imported") {
		t.Fatalf("diagnostics: %v", ds)
	}
	if got := value(t, doc, "dependencies"); !reflect.DeepEqual(got, []any{map[string]any{"name": "ledger", "kind": "internal-service"}}) {
		t.Errorf("dependencies = %v", got)
	}
	if got := where(t, doc, "dependencies[0]"); got != "score.yaml:13:7" {
		t.Errorf("the dependency points at %s", got)
	}
}

// V4: an import never leaves the repository. Absolute paths, ../ paths
// and symlinks that lead out of it are refused at the imports entry with
// one message, whether the file outside exists or not, so nothing about
// it is revealed; the file is never read.
func TestImportsStayInsideTheRepository(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "catalog.yaml")
	if err := os.WriteFile(secret, []byte("kind: Component\nmetadata: {name: x}\nspec: {dependsOn: [LEAKED-TOKEN]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for _, dir := range []string{".git", "svc", "shared"} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "shared", "catalog.yaml"), []byte("kind: Component\nmetadata: {name: x}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"svc/out.yaml":    secret,
		"svc/dangling":    filepath.Join(outside, "missing.yaml"),
		"svc/outdir":      outside,
		"svc/in.yaml":     "../shared/catalog.yaml",
		"svc/loop.yaml":   "loop.yaml",
		"svc/indir":       "../shared",
		"svc/escape.yaml": "indir/../../" + filepath.Base(outside) + "/catalog.yaml",
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Skipf("cannot make symlinks here: %v", err)
		}
	}
	rel, err := filepath.Rel(filepath.Join(root, "svc"), secret)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		ok   bool
	}{
		{secret, false},
		{"/etc/passwd", false},
		{"/dev/zero", false},
		{rel, false},
		{"../../x.yaml", false},
		{"out.yaml", false},
		{"dangling", false},
		{"outdir/catalog.yaml", false},
		{"outdir/missing.yaml", false},
		{"loop.yaml", false},
		{"escape.yaml", false},
		{"in.yaml", true},
		{"indir/catalog.yaml", true},
		{"../shared/catalog.yaml", true},
		{filepath.Join(root, "shared", "catalog.yaml"), true},
	} {
		t.Run(c.path, func(t *testing.T) {
			review := filepath.Join(root, "svc", "design.yaml")
			src := "format_version: 1\nimports:\n  backstage: '" + c.path + "'\nservice: {name: x, owner: t, tier: 2}\n"
			if err := os.WriteFile(review, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			doc := loadReview(t, review)
			ds := Apply(doc)
			if c.ok {
				noErrors(t, ds)
				return
			}
			want := review + ":3:3: error: the imported Backstage catalog file " + c.path +
				" is outside the repository, or a link that leads out of it; archvet reads imports only from files inside the repository"
			if len(ds) != 1 || ds[0].Error() != want {
				t.Errorf("got %v\nwant %s", ds, want)
			}
			if _, ok := doc.Value["dependencies"]; ok {
				t.Error("the file outside was merged")
			}
		})
	}
}

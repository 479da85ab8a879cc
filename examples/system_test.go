package examples

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/internal/system"
)

// examples/system/ is a storefront of six services whose reviews are each
// ready alone and which, checked together, hide one instance of every
// system rule. These tests hold it to that: each rule fails (or, for
// SY010, asks) in the review that must change, at the field that must
// change, with its related locations in the other reviews; checked alone,
// no review has a system finding; and the whole outcome is pinned in
// examples/system/expected.json.

// systemFinding is one system rule's finding as a reader sees it: where it
// is shown and where its related locations point, each as file:line:col.
type systemFinding struct {
	Rule    string   `json:"rule"`
	Status  string   `json:"status"`
	File    string   `json:"file"`
	Field   string   `json:"field"`
	At      string   `json:"at"`
	Related []string `json:"related"`
}

// place names a field of one review of the example, so that expectations
// survive edits above it: it resolves to the field's position.
type place struct{ service, path string }

// expected is what the system hides, written by hand from the reviews:
// the review and field that must change, and the places in the other
// reviews that show why.
var expected = []struct {
	rule, status, service, field string
	related                      []place
}{
	{"SY001", "fail", "orders", "dependencies[2].criticality", []place{{"notifications", "service.tier"}}},
	{"SY002", "fail", "ledger", "dependencies[0]", []place{{"payments", "dependencies[1]"}}},
	{"SY002", "fail", "ledger", "dependencies[0].calls_back", []place{{"payments", "dependencies[1]"}}},
	{"SY002", "fail", "payments", "dependencies[1].calls_back", []place{{"ledger", "dependencies[0]"}}},
	{"SY003", "fail", "orders", "slos[0].objective_percent", []place{
		{"inventory", "slos[0].objective_percent"}, {"notifications", "slos[0].objective_percent"}, {"payments", "slos[0].objective_percent"}}},
	{"SY004", "fail", "orders", "dependencies[0].timeout_ms", []place{{"payments", "apis[0].timeout_ms"}}},
	{"SY005", "fail", "orders", "dependencies[1].timeout_ms", []place{{"inventory", "slos[1].threshold_ms"}}},
	{"SY006", "fail", "orders", "dependencies[1].retries.max_attempts", []place{{"inventory", "dependencies[0]"}}},
	{"SY007", "fail", "notifications", "events.consumes[1].name", []place{{"payments", "service.name"}}},
	{"SY008", "fail", "inventory", "events.consumes[0].schema", []place{{"orders", "events.publishes[0]"}}},
	{"SY009", "fail", "inventory", "data_stores[0].ownership", []place{{"shipping", "data_stores[1]"}}},
	{"SY009", "fail", "shipping", "data_stores[1].ownership", []place{{"inventory", "data_stores[0]"}}},
	{"SY010", "unanswered", "orders", "dependencies[3].name", nil},
	{"SY011", "fail", "inventory", "operations.on_call.rotation", nil},
	{"SY011", "fail", "orders", "operations.on_call.rotation", nil},
	{"SY011", "fail", "shipping", "operations.on_call.rotation", nil},
}

func systemReviews(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("system", "*", "design.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 5 {
		t.Fatalf("examples/system holds %d reviews; want at least five services", len(paths))
	}
	sort.Strings(paths)
	return paths
}

func reviewPath(service string) string { return filepath.Join("system", service, "design.yaml") }

// position resolves a field of an example review to file:line:col.
func position(t *testing.T, p place) string {
	t.Helper()
	path := reviewPath(p.service)
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, exact, ok := loadReview(t, sch, path).Index.Resolve(p.path)
	if !ok || !exact {
		t.Fatalf("%s has no field %s", path, p.path)
	}
	return at(path, r.Start.Line, r.Start.Column)
}

// at is a position as file:line:col.
func at(file string, line, col int) string {
	return fmt.Sprintf("%s:%d:%d", filepath.ToSlash(file), line, col)
}

// systemFindings lists every system rule's failure and open question over
// a run's files, sorted.
func systemFindings(files []checks.FileReport) []systemFinding {
	out := []systemFinding{}
	for _, f := range files {
		for _, r := range f.Results {
			if !r.Rule.System() || (r.Status != checks.Fail && r.Status != checks.Unanswered) {
				continue
			}
			for _, fd := range r.Findings {
				file := fd.Location.Filename
				if file == "" {
					file = f.Path
				}
				sf := systemFinding{Rule: r.Rule.ID, Status: string(r.Status), File: filepath.ToSlash(f.Path), Field: fd.Field,
					At: at(file, fd.Location.Start.Line, fd.Location.Start.Column), Related: []string{}}
				for _, rel := range fd.Related {
					sf.Related = append(sf.Related, at(rel.Location.Filename, rel.Location.Start.Line, rel.Location.Start.Column))
				}
				out = append(out, sf)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Field < b.Field
	})
	return out
}

// loadReview decodes one example review.
func loadReview(t *testing.T, sch *schema.Schema, path string) *document.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, ds := document.Load(path, src, sch)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return doc
}

// checkSystem checks every review of examples/system together, as
// `archvet check examples/system/` does: pass 1 reads their graph facts,
// and pass 2 checks each with its place in the system.
func checkSystem(t *testing.T, c *checks.Checker) []checks.FileReport {
	t.Helper()
	var inputs []checks.Input
	for _, p := range systemReviews(t) {
		inputs = append(inputs, checks.Input{Path: p})
	}
	ctx := context.Background()
	sys, ds := system.Build(c.Facts(ctx, inputs))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	c.System = sys
	defer func() { c.System = nil }()
	rep := c.CheckAll(ctx, inputs)
	for _, f := range rep.Files {
		if f.Broken || len(f.Diagnostics) > 0 {
			t.Fatalf("%s has diagnostics in the system: %v", f.Path, f.Diagnostics)
		}
		assertPositionsExist(t, f)
	}
	return rep.Files
}

func TestSystemExampleHidesEverySystemRule(t *testing.T) {
	c := checker(t)
	files := checkSystem(t, c)
	got := systemFindings(files)
	want := []systemFinding{}
	for _, e := range expected {
		sf := systemFinding{Rule: e.rule, Status: e.status, File: filepath.ToSlash(reviewPath(e.service)), Field: e.field, Related: []string{}}
		for _, p := range e.related {
			sf.Related = append(sf.Related, position(t, p))
		}
		want = append(want, sf)
	}
	// Where each finding is shown: its field, or the nearest parent the
	// review writes.
	if len(got) == len(want) {
		for i := range want {
			want[i].At = got[i].At
		}
	}
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Fatalf("system findings differ:\n got  %s\n want %s", g, w)
	}
	for _, f := range got {
		path := strings.TrimSuffix(f.At, f.At[strings.Index(f.At, ":"):])
		if path != f.File {
			t.Errorf("%s %s is shown in %s, not in the review that must change (%s)", f.Rule, f.Field, path, f.File)
		}
	}
	seen := map[string]bool{}
	for _, f := range got {
		seen[f.Rule] = true
	}
	systemRules := 0
	for _, r := range files[0].Results {
		if r.Rule.System() {
			systemRules++
			if !seen[r.Rule.ID] {
				t.Errorf("no review of examples/system hides an instance of %s (%s)", r.Rule.ID, r.Rule.Title)
			}
		}
	}
	if systemRules == 0 {
		t.Error("the catalogue has no system rule")
	}
	pinSystem(t, got)
}

// pinSystem holds the system run to examples/system/expected.json, or
// rewrites it with -update.
func pinSystem(t *testing.T, got []systemFinding) {
	t.Helper()
	var want []systemFinding
	if !readPin(t, filepath.Join("system", "expected.json"), got, &want) {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the system run of examples/system changed (go test ./examples -update to accept)")
	}
}

// readPin rewrites the pin at path with got under -update (and returns
// false), or reads it into want.
func readPin(t *testing.T, path string, got, want any) bool {
	t.Helper()
	if *update {
		b, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./examples -update)", err)
	}
	if err := json.Unmarshal(b, want); err != nil {
		t.Fatal(err)
	}
	return true
}

// TestSystemExampleReviewsAreReadyAlone: each review checked on its own
// is ready, with no system rule applicable, and pinned like every example.
func TestSystemExampleReviewsAreReadyAlone(t *testing.T) {
	c := checker(t)
	for _, path := range systemReviews(t) {
		t.Run(path, func(t *testing.T) {
			rep := c.CheckAll(context.Background(), []checks.Input{{Path: path}})
			f := rep.Files[0]
			if f.Verdict != checks.Ready || rep.ExitCode() != 0 {
				t.Errorf("%s alone: verdict %s, exit %d; want ready, 0", path, f.Verdict, rep.ExitCode())
			}
			for _, r := range f.Results {
				if r.Rule.System() && r.Status != checks.NotApplicable {
					t.Errorf("%s alone: system rule %s is %s; want not applicable", path, r.Rule.ID, r.Status)
				}
			}
			checkPin(t, c, path)
		})
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/rego"
)

// TestSystemBundleParity: given what `archvet input DIR` prints, plain OPA
// with the bundle `archvet bundle` writes fails, for every review of the
// system, exactly the rules `archvet check DIR` fails there, system rules
// included. The fixture system (testdata/system) holds an organisation's
// system rule that fails at checkout and nowhere else.
func TestSystemBundleParity(t *testing.T) {
	dir := filepath.Join("testdata", "system")
	systemParity(t, filepath.Join(dir, "designs"), 3, map[string]int{"ACMESY1": 1}, "--policy", filepath.Join(dir, "org"))
}

// TestExampleSystemBundleParity is the same on examples/system, with the
// built-in system rules: each is failed (or left open) somewhere there.
func TestExampleSystemBundleParity(t *testing.T) {
	systemParity(t, filepath.Join("..", "..", "examples", "system"), 6,
		map[string]int{"SY001": 1, "SY002": 2, "SY003": 1, "SY004": 1, "SY005": 1, "SY006": 1, "SY007": 1, "SY008": 1, "SY009": 2, "SY011": 3})
}

// systemParity checks the reviews below designs (files of them) with the
// policy flags given, and compares each review's failed rules with plain
// OPA's on archvet input's output; failing counts, per rule, the reviews
// it must fail in.
func systemParity(t *testing.T, designs string, files int, failing map[string]int, policy ...string) {
	t.Helper()
	const date = "2026-11-23"
	bundlePath := filepath.Join(t.TempDir(), "bundle.tar.gz")
	runOK(t, append([]string{"bundle", "-o", bundlePath}, policy...)...)

	var inputs struct {
		Files map[string]map[string]any `json:"files"`
	}
	if err := json.Unmarshal(runOK(t, "input", designs), &inputs); err != nil {
		t.Fatal(err)
	}
	var report struct {
		Files []struct {
			Path    string `json:"path"`
			Results []struct {
				Rule   string `json:"rule"`
				Status string `json:"status"`
			} `json:"results"`
		} `json:"files"`
	}
	if err := json.Unmarshal(runOK(t, append([]string{"check", "--date", date, "--fail-on", "none", "--format", "json", designs}, policy...)...), &report); err != nil {
		t.Fatal(err)
	}
	if len(report.Files) != files || len(inputs.Files) != files {
		t.Fatalf("check reports %d files, input prints %d; want the %d reviews", len(report.Files), len(inputs.Files), files)
	}

	ctx := context.Background()
	pq, err := rego.New(rego.LoadBundle(bundlePath), rego.Query("data.archvet.engine.failed")).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	asOf, _ := time.Parse("2006-01-02", date)
	failed := map[string]int{}
	for _, f := range report.Files {
		var want []string
		seen := map[string]bool{}
		for _, r := range f.Results { // one entry per finding of a failed rule
			if (r.Status == "fail" || r.Status == "waived") && !seen[r.Rule] {
				seen[r.Rule] = true
				want = append(want, r.Rule)
			}
		}
		sort.Strings(want)
		in, ok := inputs.Files[f.Path]
		if !ok {
			t.Fatalf("archvet input has no %s", f.Path)
		}
		if _, ok := in["_system"]; !ok {
			t.Fatalf("%s: the input has no _system", f.Path)
		}
		rs, err := pq.Eval(ctx, rego.EvalInput(in), rego.EvalTime(asOf))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s: %v %v", f.Path, rs, err)
		}
		var got []string
		for _, id := range rs[0].Expressions[0].Value.([]any) {
			got = append(got, id.(string))
			if _, ok := failing[id.(string)]; ok {
				failed[id.(string)]++
			}
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: archvet check and the bundle disagree\n bundle  %v\n archvet %v", f.Path, got, want)
		}
	}
	if !reflect.DeepEqual(failed, failing) {
		t.Errorf("system rules fail in reviews %v, want %v", failed, failing)
	}
}

// runOK runs archvet in-process and returns its standard output; any
// exit but 0 fails the test.
func runOK(t *testing.T, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("archvet %v: exit %d\n%s", args, code, stderr.String())
	}
	return stdout.Bytes()
}

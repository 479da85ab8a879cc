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
	const date = "2026-11-23"
	dir := filepath.Join("testdata", "system")
	designs, policy := filepath.Join(dir, "designs"), filepath.Join(dir, "org")
	bundlePath := filepath.Join(t.TempDir(), "bundle.tar.gz")
	runOK(t, "bundle", "--policy", policy, "-o", bundlePath)

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
	if err := json.Unmarshal(runOK(t, "check", "--date", date, "--fail-on", "none", "--policy", policy, "--format", "json", designs), &report); err != nil {
		t.Fatal(err)
	}
	if len(report.Files) != 3 || len(inputs.Files) != 3 {
		t.Fatalf("check reports %d files, input prints %d; want the 3 reviews", len(report.Files), len(inputs.Files))
	}

	ctx := context.Background()
	pq, err := rego.New(rego.LoadBundle(bundlePath), rego.Query("data.archvet.engine.failed")).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	asOf, _ := time.Parse("2006-01-02", date)
	systemFailures := 0
	for _, f := range report.Files {
		var want []string
		for _, r := range f.Results {
			if r.Status == "fail" || r.Status == "waived" {
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
			if id == "ACMESY1" {
				systemFailures++
			}
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: archvet check and the bundle disagree\n bundle  %v\n archvet %v", f.Path, got, want)
		}
	}
	if systemFailures != 1 {
		t.Errorf("the system rule fails in %d reviews, want 1 (checkout)", systemFailures)
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

package examples

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/report"
)

// TestWasmEvaluatesAsTopdown holds the compiled evaluator (--evaluator
// wasm) to the interpreter's answers: the same JSON report, byte for
// byte, for every example alone and for the system example as one
// system, and the same results for every example with each of its keys
// deleted in turn, which reaches the rules' unanswered and inapplicable
// branches the complete examples do not.
func TestWasmEvaluatesAsTopdown(t *testing.T) {
	topdown := checker(t)
	wasm := checkerWith(t, checks.Options{Evaluator: checks.Wasm})
	ctx := context.Background()
	var files []string
	for _, pattern := range []string{"*/*.yaml", "*/*.hcl", "*/*.md"} {
		matches, _ := filepath.Glob(pattern)
		for _, m := range matches {
			if src, err := os.ReadFile(m); err == nil && strings.Contains(string(src), "format_version") {
				files = append(files, m)
			}
		}
	}
	if len(files) < 10 {
		t.Fatalf("only %d examples", len(files))
	}
	for _, path := range files {
		in := []checks.Input{{Path: path}}
		want, got := jsonReport(t, topdown.CheckAll(ctx, in)), jsonReport(t, wasm.CheckAll(ctx, in))
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the wasm report differs:\n%s", path, firstDifference(got, want))
		}
	}
	want := jsonReport(t, checks.Report{Files: checkSystem(t, topdown)})
	got := jsonReport(t, checks.Report{Files: checkSystem(t, wasm)})
	if !bytes.Equal(got, want) {
		t.Errorf("examples/system: the wasm report differs:\n%s", firstDifference(got, want))
	}
	variants := 0
	for _, path := range designs(t) {
		doc := load(t, topdown, path)
		checks.AttachEvidence(doc, topdown.Schema)
		// Every third key: each section and most fields, at a third of
		// the cost of all of them.
		for i, key := range keyPaths(doc.Value, nil) {
			if i%3 != 0 {
				continue
			}
			d := *doc
			d.Value = without(doc.Value, key).(map[string]any)
			want, err := topdown.Engine.Evaluate(ctx, &d, asOf)
			if err != nil {
				t.Fatal(err)
			}
			got, err := wasm.Engine.Evaluate(ctx, &d, asOf)
			if err != nil {
				t.Fatal(err)
			}
			variants++
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s without %s: the wasm results differ", path, keyName(key))
			}
		}
	}
	t.Logf("%d examples, the system, and %d deletions evaluated both ways", len(files), variants)
}

func jsonReport(t *testing.T, rep checks.Report) []byte {
	t.Helper()
	b, err := json.MarshalIndent(report.Build(rep), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// firstDifference shows where two reports part, with a little context.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	return "wasm:    …" + string(got[from:min(len(got), i+200)]) + "\ntopdown: …" + string(want[from:min(len(want), i+200)])
}

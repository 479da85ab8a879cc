package examples

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/imports"
)

// TestDeletingAFieldNeverPasses is the property that silence is never a
// pass: deleting any field, or any whole section, of any example never
// turns a rule that fails or is unanswered into one that passes. Every
// key at every depth of every example, in YAML and in HCL (and the
// Markdown design doc), is deleted in turn and the design evaluated again.
// A rule may become not applicable, since a section can hold what makes a
// rule apply (no APIs, no API rules), but never pass. A deletion that makes
// the review invalid (a required field) is an input error, not a pass.
func TestDeletingAFieldNeverPasses(t *testing.T) {
	c := checker(t)
	files := designs(t)
	for _, y := range designs(t) {
		files = append(files, strings.TrimSuffix(y, ".yaml")+".hcl")
	}
	mds, _ := filepath.Glob("*/*.md")
	for _, m := range mds {
		if src, err := os.ReadFile(m); err == nil && strings.Contains(string(src), "format_version:") {
			files = append(files, m)
		}
	}
	for _, path := range files {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		t.Run(path, func(t *testing.T) {
			doc := load(t, c, path)
			before := statuses(t, c, doc)
			keys := keyPaths(doc.Value, nil)
			if len(keys) < 10 {
				t.Fatalf("only %d keys to delete", len(keys))
			}
			var mu sync.Mutex
			var wg sync.WaitGroup
			next := make(chan []any)
			var broken []string
			for range runtime.GOMAXPROCS(0) {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for key := range next {
						d := *doc
						d.Value = without(doc.Value, key).(map[string]any)
						// A deletion the schema refuses (a required field)
						// is an input error, exit 2: never a pass.
						if c.Schema.Validate(&d).HasErrors() {
							continue
						}
						after := statuses(t, c, &d)
						for id, st := range before {
							if (st == checks.Fail || st == checks.Unanswered) && after[id] == checks.Pass {
								mu.Lock()
								broken = append(broken, fmt.Sprintf("deleting %s turns %s from %s into pass", keyName(key), id, st))
								mu.Unlock()
							}
						}
					}
				}()
			}
			for _, k := range keys {
				next <- k
			}
			close(next)
			wg.Wait()
			sort.Strings(broken)
			for i, b := range broken {
				if i == 50 {
					t.Errorf("… and %d more", len(broken)-50)
					break
				}
				t.Error(b)
			}
			t.Logf("%d keys deleted one at a time, %d rules compared each time", len(keys), len(before))
		})
	}
}

func load(t *testing.T, c *checks.Checker, path string) *document.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, ds := document.Load(path, src, c.Schema)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if ds := imports.Apply(doc); ds.HasErrors() {
		t.Fatal(ds)
	}
	return doc
}

// statuses evaluates a design as archvet does (evidence attached) and
// returns each rule's status.
func statuses(t *testing.T, c *checks.Checker, doc *document.Document) map[string]checks.Status {
	checks.AttachEvidence(doc, c.Schema)
	results, err := c.Engine.Evaluate(context.Background(), doc, asOf)
	if err != nil {
		t.Errorf("%s: %v", doc.Path, err)
		return nil
	}
	out := make(map[string]checks.Status, len(results))
	for _, r := range results {
		out[r.Rule.ID] = r.Status
	}
	return out
}

// keyPaths lists every map key at every depth, as a path of keys and
// list indexes. Computed fields (a leading underscore) are archvet's own.
func keyPaths(v any, prefix []any) [][]any {
	var out [][]any
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if strings.HasPrefix(k, "_") {
				continue
			}
			p := append(append([]any{}, prefix...), k)
			out = append(out, p)
			out = append(out, keyPaths(x[k], p)...)
		}
	case []any:
		for i, e := range x {
			out = append(out, keyPaths(e, append(append([]any{}, prefix...), i))...)
		}
	}
	return out
}

// without is a deep copy of v along path, with the last key deleted; the
// rest is shared, since evaluation does not change it.
func without(v any, path []any) any {
	switch x := v.(type) {
	case map[string]any:
		cp := make(map[string]any, len(x))
		for k, e := range x {
			cp[k] = e
		}
		k := path[0].(string)
		if len(path) == 1 {
			delete(cp, k)
		} else {
			cp[k] = without(x[k], path[1:])
		}
		return cp
	case []any:
		cp := append([]any(nil), x...)
		i := path[0].(int)
		cp[i] = without(x[i], path[1:])
		return cp
	}
	return v
}

func keyName(path []any) string {
	var b strings.Builder
	for i, p := range path {
		switch x := p.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", x)
		default:
			if i > 0 {
				b.WriteString(".")
			}
			fmt.Fprint(&b, x)
		}
	}
	return b.String()
}

package examples

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/document"
)

// TestMarkdownExamplesArePinned pins the design docs among the examples
// (Markdown files whose front matter or ```yaml archvet block is a review)
// as TestExamplesArePinned pins the YAML ones. A Markdown example has a
// directory of its own, for its expected.json.
func TestMarkdownExamplesArePinned(t *testing.T) {
	matches, err := filepath.Glob("*/*.md")
	if err != nil {
		t.Fatal(err)
	}
	c := checker(t)
	found := 0
	for _, path := range matches {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !document.HasMarkdownReview(src) {
			continue
		}
		found++
		t.Run(path, func(t *testing.T) {
			rep := c.CheckAll(context.Background(), []checks.Input{{Path: path}})
			f := rep.Files[0]
			if f.Broken || len(f.Diagnostics) > 0 {
				t.Fatalf("example has diagnostics: %v", f.Diagnostics)
			}
			assertPositionsExist(t, f)
			got := pinOf(f, rep.ExitCode())
			pinPath := filepath.Join(filepath.Dir(path), "expected.json")
			if *update {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(pinPath, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(pinPath)
			if err != nil {
				t.Fatalf("%v (run go test ./examples -update)", err)
			}
			var want pin
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s changed:\n got  %+v\n want %+v", path, got, want)
			}
		})
	}
	if found == 0 {
		t.Fatal("no Markdown design docs among the examples")
	}
}

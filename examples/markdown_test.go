package examples

import (
	"os"
	"path/filepath"
	"testing"

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
		t.Run(path, func(t *testing.T) { checkPin(t, c, path) })
	}
	if found == 0 {
		t.Fatal("no Markdown design docs among the examples")
	}
}

package inputs

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestWalkPicksDesignDocsOutOfMarkdown(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"design.yaml":        "format_version: 1\n",
		"README.md":          "# Service\n\nSee `format_version` in docs/format.md.\n",
		"docs/design.md":     "---\nformat_version: 1\nservice: {name: a, owner: b, tier: 3}\n---\n# A\n",
		"docs/fenced.md":     "# B\n\n```yaml archvet\nformat_version: 1\n```\n",
		"docs/blog.markdown": "---\ntitle: hello\n---\n",
		".git/x.md":          "---\nformat_version: 1\n---\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for _, in := range Expand([]string{dir}, Options{}) {
		rel, _ := filepath.Rel(dir, in.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"design.yaml", "docs/design.md", "docs/fenced.md"}
	if len(got) != len(want) {
		t.Fatalf("walk found %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("walk found %v, want %v", got, want)
		}
	}
}

// A directory is searched whether it is named or matched by a glob, and
// one in which nothing is found is kept as an input with an error, so
// that a wrong path is reported instead of passing unnoticed.
func TestExpandDirectories(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"svc/a/design.yaml", "svc/b/design.hcl", "empty/.keep/x.yaml"} {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("format_version: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]string{}
	for _, in := range Expand([]string{filepath.Join(dir, "svc", "*"), filepath.Join(dir, "empty")}, Options{}) {
		rel, _ := filepath.Rel(dir, in.Path)
		got[filepath.ToSlash(rel)] = fmt.Sprint(in.Err)
	}
	want := map[string]string{
		"svc/a/design.yaml": "<nil>",
		"svc/b/design.hcl":  "<nil>",
		"empty":             errNoReview.Error(),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Expand = %q, want %q", got, want)
	}
}

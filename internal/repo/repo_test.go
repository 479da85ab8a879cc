package repo

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRootFindsTheNearestGitEntry(t *testing.T) {
	top := t.TempDir()
	sub := filepath.Join(top, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, ok := Root(sub); ok {
		t.Fatal("found a root where there is no .git")
	}
	if err := os.Mkdir(filepath.Join(top, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, ok := Root(sub)
	want, _ := filepath.EvalSymlinks(top)
	if real, _ := filepath.EvalSymlinks(got); !ok || real != want {
		t.Fatalf("Root(%s) = %s, %v; want %s", sub, got, ok, top)
	}
}

func TestWithinRefusesEscapes(t *testing.T) {
	top := t.TempDir()
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(top, "link")); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		filepath.Join(top, "docs", "missing.md"): true,
		top:                                      true,
		filepath.Join(top, "..", "x"):            false,
		filepath.Join(top, "link", "secret"):     false,
		filepath.Join(top, "link"):               false,
		"/etc/passwd":                            false,
		filepath.Join(top, "a", "..", "..", "b"): false,
	} {
		if got := Within(top, path); got != want {
			t.Errorf("Within(%s) = %v, want %v", path, got, want)
		}
	}
}

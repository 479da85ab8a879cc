package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "design.yaml")
	if err := WriteNew(p, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(p, []byte("two\n"), 0o644)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second WriteNew: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "one\n" {
		t.Errorf("the file was replaced: %q", b)
	}
	// A dangling symlink is a file too: never written through.
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(filepath.Join(dir, "elsewhere.yaml"), link); err == nil {
		if err := WriteNew(link, []byte("x"), 0o644); !errors.Is(err, fs.ErrExist) {
			t.Errorf("WriteNew through a dangling link: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "elsewhere.yaml")); err == nil {
			t.Error("the link's target was created")
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "design.yaml" && e.Name() != "link.yaml" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

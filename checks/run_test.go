package checks

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An interrupted run starts no new file: with the context already
// cancelled, CheckAll checks nothing and reports nothing (a file it
// started would be reported, as missing).
func TestCheckAllStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	inputs := make([]Input, 1000)
	for i := range inputs {
		inputs[i] = Input{Path: filepath.Join("missing", "design.yaml")}
	}
	if rep := (&Checker{}).CheckAll(ctx, inputs); len(rep.Files) != 0 {
		t.Errorf("a cancelled run reported %d files", len(rep.Files))
	}
}

func TestReadRefuses(t *testing.T) {
	dir := t.TempDir()
	exact := filepath.Join(dir, "exact.yaml")
	over := filepath.Join(dir, "over.yaml")
	if err := os.WriteFile(exact, []byte(strings.Repeat("#", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(over, []byte(strings.Repeat("#", 101)), 0o644); err != nil {
		t.Fatal(err)
	}
	c := &Checker{MaxFileSize: 100}
	if src, err := c.read(exact); err != nil || len(src) != 100 {
		t.Errorf("a file of exactly the limit: %d bytes, %v", len(src), err)
	}
	for path, want := range map[string]string{
		over: "the file is 101 bytes, over the 100-byte limit for a design review; raise the limit with --max-file-size",
		dir:  "is a directory",
	} {
		if _, err := c.read(path); err == nil || err.Error() != want {
			t.Errorf("read(%s) = %v, want %q", filepath.Base(path), err, want)
		}
	}
}

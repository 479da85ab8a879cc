//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// B2 (configuration): a .archvet.yaml that is a FIFO is refused at once;
// opening it for reading would block the run until a writer came.
func TestHostileRepoConfigFIFO(t *testing.T) {
	_, repoDir := inRepo(t)
	if err := syscall.Mkfifo(filepath.Join(repoDir, ".archvet.yaml"), 0o644); err != nil {
		t.Fatalf("cannot make a FIFO: %v", err)
	}
	for _, args := range [][]string{{"check", "design.yaml"}, {"check", "--config", "../.archvet.yaml", "design.yaml"}, {"rules"}} {
		_, stderr, code := runIn(t, args...)
		if code != exitBadInput || !strings.Contains(stderr, "not a regular file: it is a named pipe") {
			t.Errorf("archvet %s: exit %d, stderr %q; want 2 and a named pipe refused", strings.Join(args, " "), code, stderr)
		}
	}
}

//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile inputs that only a Unix file system can hold: FIFOs, symlink
// loops and files the user may not read.
func TestHostileFiles(t *testing.T) {
	bin := buildArchvet(t)

	// A FIFO named explicitly is refused from its metadata, never opened:
	// opening it would block until a writer came. One in a walked
	// directory is skipped like any file that is not a regular file.
	t.Run("fifo", func(t *testing.T) {
		work := t.TempDir()
		writeText(goodReview)(t, filepath.Join(work, "good.yaml"))
		writeText(goodReview)(t, filepath.Join(work, "tree", "good.yaml"))
		for _, p := range []string{"fifo.yaml", filepath.Join("tree", "pipe.yaml")} {
			if err := syscall.Mkfifo(filepath.Join(work, p), 0o644); err != nil {
				t.Skipf("cannot make a FIFO here: %v", err)
			}
		}
		stdout := checkHostileRun(t, bin, work, nil, 2, []string{"fifo.yaml", "tree"}, `
fifo.yaml
fifo.yaml error    cannot read the file: not a regular file: it is a named pipe
fifo.yaml could not be evaluated`)
		if strings.Contains(stdout, "pipe.yaml") {
			t.Errorf("the FIFO in the walked directory was reported:\n%s", stdout)
		}
	})

	// Symlinks are not followed by a walk, so a loop below a scanned
	// directory is skipped; a looping link named explicitly is reported.
	t.Run("symlink loop", func(t *testing.T) {
		work := t.TempDir()
		writeText(goodReview)(t, filepath.Join(work, "good.yaml"))
		writeText(goodReview)(t, filepath.Join(work, "tree", "good.yaml"))
		for link, target := range map[string]string{
			"tree/sub/self":   "..",            // a directory loop
			"tree/loop.yaml":  "loop.yaml",     // a link to itself
			"tree/a.yaml":     "b.yaml",        // two links to each other
			"tree/b.yaml":     "a.yaml",        //
			"self.yaml":       "self.yaml",     // named explicitly
			"tree/sub/x.yaml": "../sub/x.yaml", // through a directory
		} {
			p := filepath.Join(work, filepath.FromSlash(link))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target, p); err != nil {
				t.Skipf("cannot make symlinks here: %v", err)
			}
		}
		stdout := checkHostileRun(t, bin, work, nil, 2, []string{"self.yaml", "tree"}, `
self.yaml
self.yaml error    cannot read the file: too many levels of symbolic links
self.yaml could not be evaluated`)
		for _, l := range []string{"loop.yaml", "a.yaml", "b.yaml", "x.yaml", "self/"} {
			if strings.Contains(stdout, l) {
				t.Errorf("a looping link in the walked directory was reported (%s):\n%s", l, stdout)
			}
		}
	})

	// A file the user cannot read, named or found in a walk, and a
	// directory the walk cannot read, each reported with the reason. Root
	// reads every file whatever its mode, so as root the run is made as
	// the unprivileged user nobody instead.
	t.Run("unreadable", func(t *testing.T) {
		work := t.TempDir()
		writeText(goodReview)(t, filepath.Join(work, "good.yaml"))
		writeText(goodReview)(t, filepath.Join(work, "locked.yaml"))
		writeText(goodReview)(t, filepath.Join(work, "tree", "locked.yaml"))
		writeText(goodReview)(t, filepath.Join(work, "tree", "closed", "inside.yaml"))
		for _, p := range []string{"locked.yaml", "tree/locked.yaml", "tree/closed"} {
			if err := os.Chmod(filepath.Join(work, p), 0); err != nil {
				t.Fatal(err)
			}
		}
		// Let the test's clean-up remove what it could not otherwise.
		t.Cleanup(func() { os.Chmod(filepath.Join(work, "tree", "closed"), 0o755) })
		var asNobody func(*exec.Cmd)
		if os.Geteuid() == 0 {
			asNobody = runAsNobody(t, bin, work)
		}
		stdout := checkHostileRun(t, bin, work, asNobody, 2, []string{"locked.yaml", "tree"}, `
locked.yaml
locked.yaml error    cannot read the file: permission denied
locked.yaml could not be evaluated`, `
tree/closed
tree/closed error    cannot read the directory: permission denied
tree/closed could not be evaluated`, `
tree/locked.yaml
tree/locked.yaml error    cannot read the file: permission denied
tree/locked.yaml could not be evaluated`)
		if !strings.HasSuffix(stdout, "4 files: 1 passed the gate, 0 failed, 3 could not be evaluated\n") {
			t.Errorf("summary:\n%s", lastLines(stdout, 2))
		}
	})
}

// runAsNobody prepares a run as the user nobody: the binary and the
// working tree must be reachable by that user. It skips the test when
// this process may not switch users.
func runAsNobody(t *testing.T, bin, work string) func(*exec.Cmd) {
	t.Helper()
	const nobody = 65534
	for _, d := range []string{filepath.Dir(bin), filepath.Dir(filepath.Dir(bin)), work, filepath.Dir(work)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	setup := func(cmd *exec.Cmd) {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	probe := exec.Command(bin, "--version")
	setup(probe)
	if out, err := probe.CombinedOutput(); err != nil {
		t.Skipf("running as root, where permissions do not deny reads, and cannot run archvet as nobody to simulate an unreadable file: %v %s", err, out)
	}
	return setup
}

// checkHostileRun runs archvet check on args plus good.yaml in work and
// asserts the exit code, that each of wants (a file's lines of the text
// report, the file's name first) is in the report exactly, and that the
// good review was checked.
func checkHostileRun(t *testing.T, bin, work string, setup func(*exec.Cmd), code int, args []string, wants ...string) string {
	t.Helper()
	start := time.Now()
	stdout, stderr, got := runArchvet(t, bin, work, setup,
		append([]string{"check", "--date", "2026-11-23", "--fail-on", "none"}, append(args, "good.yaml")...)...)
	if elapsed := time.Since(start); elapsed > 30*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if got != code {
		t.Errorf("exit %d, want %d; stderr: %s", got, code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}
	for _, want := range wants {
		want = strings.TrimPrefix(want, "\n")
		file, _, _ := strings.Cut(want, "\n")
		var lines []string
		for _, l := range strings.Split(stdout, "\n") {
			if l == file || strings.HasPrefix(l, file+":") || strings.HasPrefix(l, file+" ") {
				lines = append(lines, l)
			}
		}
		if g := strings.Join(lines, "\n"); g != want {
			t.Errorf("report of %s:\n got:\n%s\nwant:\n%s", file, g, want)
		}
	}
	if !strings.Contains(stdout, goodReport) {
		t.Errorf("the good review was not reported:\n%s", stdout)
	}
	return stdout
}

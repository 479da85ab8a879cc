package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Hostile repository contents around the design reviews: configuration
// files planted where a pull request or a shared machine can put them,
// report paths that name an input, and an interrupt while reports are
// delivered. Each test failed before its fix (ids from security.md).

// failingReview fails the gate at the default --fail-on high.
const failingReview = "format_version: 1\nservice:\n  name: shop\n  owner: team-shop\n  tier: 0\n"

// inRepo makes a repository (a directory holding .git) below a scratch
// directory, with a review in repo/sub, and moves into repo/sub.
func inRepo(t *testing.T) (scratch, repoDir string) {
	t.Helper()
	scratch = t.TempDir()
	repoDir = filepath.Join(scratch, "repo")
	writeText("ref: refs/heads/main\n")(t, filepath.Join(repoDir, ".git", "HEAD"))
	writeText(failingReview)(t, filepath.Join(repoDir, "sub", "design.yaml"))
	t.Chdir(filepath.Join(repoDir, "sub"))
	return scratch, repoDir
}

// runIn runs archvet in-process and fails the test when it does not end
// within a deadline: a configuration file must never block a run.
func runIn(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	type result struct {
		out, err string
		code     int
	}
	done := make(chan result, 1)
	go func() {
		var o, e bytes.Buffer
		c := run(args, &o, &e)
		done <- result{o.String(), e.String(), c}
	}()
	select {
	case r := <-done:
		return r.out, r.err, r.code
	case <-time.After(30 * time.Second):
		t.Fatalf("archvet %s did not finish in 30s", strings.Join(args, " "))
	}
	return "", "", 0
}

// V5: a .archvet.yaml above the repository root (in the system's
// temporary directory, or $HOME) is never read: here it would turn the
// gate off and the failing review would pass.
func TestHostileRepoConfigAboveRootIsNotRead(t *testing.T) {
	scratch, _ := inRepo(t)
	writeText("gate:\n  fail_on: none\nframeworks:\n  disable: [twelve-factor, well-architected, ideals, production-readiness]\n")(t, filepath.Join(scratch, ".archvet.yaml"))
	stdout, stderr, code := runIn(t, "check", "--date", "2026-11-23", "design.yaml")
	if code != exitGateFail {
		t.Fatalf("exit %d, want 1 (the planted configuration above the repository was applied?); stderr: %s\n%s", code, stderr, tail(stdout, 5))
	}
	if strings.Contains(stdout, "(tier 0, config ") {
		t.Errorf("the report names a configuration, want none:\n%s", grepLines(stdout, "(tier 0, config "))
	}
	stdout, _, _ = runIn(t, "check", "--date", "2026-11-23", "--format", "json", "design.yaml")
	if strings.Contains(stdout, `"config": `) {
		t.Errorf("the JSON report names a configuration, want none:\n%s", grepLines(stdout, `"config": `))
	}
}

// B2 (configuration): a .archvet.yaml that is huge, or a symlink to a
// device, is refused at once with a message, never read into memory.
// (A FIFO is in hostile_repo_unix_test.go.)
func TestHostileRepoConfigNotASmallRegularFile(t *testing.T) {
	t.Run("huge", func(t *testing.T) {
		_, repoDir := inRepo(t)
		f, err := os.Create(filepath.Join(repoDir, ".archvet.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		// Sparse: 6 GB on paper, nothing on disk.
		if err := f.Truncate(6 << 30); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, stderr, code := runIn(t, "check", "design.yaml")
		if code != exitBadInput || !strings.Contains(stderr, "over the 1048576-byte limit for a configuration file") {
			t.Errorf("exit %d, stderr %q; want 2 and the size limit", code, stderr)
		}
	})
	t.Run("device", func(t *testing.T) {
		if _, err := os.Stat("/dev/zero"); err != nil {
			t.Skip("no /dev/zero on this system")
		}
		_, repoDir := inRepo(t)
		if err := os.Symlink("/dev/zero", filepath.Join(repoDir, ".archvet.yaml")); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := runIn(t, "check", "design.yaml")
		if code != exitBadInput || !strings.Contains(stderr, "cannot read the configuration: not a regular file: it is a device") {
			t.Errorf("exit %d, stderr %q; want 2 and not a regular file", code, stderr)
		}
	})
}

// B15: a broken configuration file is described as a configuration file,
// not as a design review.
func TestHostileRepoConfigErrorsSayConfiguration(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"", ".archvet.yaml:1:1: error: empty configuration file"},
		{"# nothing yet\n", ".archvet.yaml:1:1: error: empty configuration file"},
		{"- rules\n", "the top level of a configuration file must be a mapping"},
	} {
		_, repoDir := inRepo(t)
		writeText(tc.text)(t, filepath.Join(repoDir, ".archvet.yaml"))
		_, stderr, code := runIn(t, "check", "design.yaml")
		if code != exitBadInput || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "design review") {
			t.Errorf("config %q: exit %d, stderr %q; want 2 and %q", tc.text, code, stderr, tc.want)
		}
	}
}

// B9: a report named after one of the run's inputs is refused before
// anything is written; the design review is left as it was.
func TestHostileRepoReportNeverOverwritesAnInput(t *testing.T) {
	_, repoDir := inRepo(t)
	writeText("rules:\n  disable: [TF003]\n")(t, filepath.Join(repoDir, ".archvet.yaml"))
	for _, args := range [][]string{
		{"check", "--format", "json=design.yaml", "design.yaml"},
		{"check", "--format", "text", "--format", "sarif=./design.yaml", "."},
		{"check", "--format", "json=../.archvet.yaml", "design.yaml"},
		{"baseline", "-o", "design.yaml", "design.yaml"},
	} {
		_, stderr, code := runIn(t, args...)
		if code != exitBadInput || !strings.Contains(stderr, "archvet never writes a report over its input") {
			t.Errorf("archvet %s: exit %d, stderr %q; want 2 and a refusal", strings.Join(args, " "), code, stderr)
		}
		if b, _ := os.ReadFile("design.yaml"); string(b) != failingReview {
			t.Fatalf("archvet %s overwrote the design review:\n%.200s", strings.Join(args, " "), b)
		}
		if b, _ := os.ReadFile("../.archvet.yaml"); !strings.HasPrefix(string(b), "rules:") {
			t.Fatalf("archvet %s overwrote the configuration:\n%.200s", strings.Join(args, " "), b)
		}
	}
}

// B6: an interrupt that arrives while reports are delivered never leaves
// some of this run's reports written and others not. Here the interrupt
// comes with the first byte written to standard output.
func TestHostileRepoInterruptWritesAllReportsOrNone(t *testing.T) {
	_, _ = inRepo(t)
	for _, formats := range [][]string{
		{"--format", "text", "--format", "json=out/r.json"},
		{"--format", "text", "--format", "json=out/r.json", "--format", "sarif=out/r.sarif", "--format", "html=out/r.html"},
	} {
		os.RemoveAll("out")
		ctx, cancel := context.WithCancel(context.Background())
		stdout := &cancellingWriter{cancel: cancel}
		var stderr bytes.Buffer
		code := runContext(ctx, append(append([]string{"check", "--date", "2026-11-23"}, formats...), "design.yaml"), stdout, &stderr)
		cancel()
		var written, missing []string
		for i := 1; i < len(formats); i += 2 {
			_, path, ok := strings.Cut(formats[i], "=")
			if !ok {
				continue
			}
			if _, err := os.Stat(path); err == nil {
				written = append(written, path)
			} else {
				missing = append(missing, path)
			}
		}
		if stdout.Len() > 0 {
			written = append(written, "standard output")
		} else {
			missing = append(missing, "standard output")
		}
		if len(written) > 0 && len(missing) > 0 {
			t.Errorf("%v: interrupted (exit %d) with %v written and %v not", formats, code, written, missing)
		}
		if leftovers, _ := filepath.Glob("out/.*tmp-*"); len(leftovers) > 0 {
			t.Errorf("%v: temporary files left: %v", formats, leftovers)
		}
	}
}

// cancellingWriter interrupts the run when it is first written to.
type cancellingWriter struct {
	bytes.Buffer
	cancel func()
}

func (w *cancellingWriter) Write(p []byte) (int, error) {
	w.cancel()
	return w.Buffer.Write(p)
}

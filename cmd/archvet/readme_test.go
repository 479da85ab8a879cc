package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is this repository's top directory, from cmd/archvet.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestCheckOwnRepository runs `archvet check .` and `archvet baseline .`
// on archvet's own repository, as a newcomer does at the root of a clone:
// test fixtures (broken and hostile on purpose) are skipped through
// .archvetignore, so the runs judge the examples and end in 0 or 1, never
// 2.
func TestCheckOwnRepository(t *testing.T) {
	root := repoRoot(t)
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--date", "2026-12-01", root}, &stdout, &stderr)
	if code != exitOK && code != exitGateFail {
		t.Fatalf("archvet check . exited %d, want 0 or 1; stderr:\n%s\nstdout tail:\n%s", code, stderr.String(), tail(stdout.String(), 20))
	}
	if strings.Contains(stdout.String(), "testdata") {
		t.Errorf("archvet check . reported a test fixture:\n%s", grepLines(stdout.String(), "testdata"))
	}
	stdout.Reset()
	stderr.Reset()
	out := filepath.Join(t.TempDir(), "baseline.json")
	code = run([]string{"baseline", "--date", "2026-12-01", "-o", out, root}, &stdout, &stderr)
	if code != exitOK && code != exitGateFail {
		t.Fatalf("archvet baseline . exited %d, want 0 or 1; stderr:\n%s", code, stderr.String())
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("archvet baseline . wrote no baseline: %v", err)
	}
}

// TestReadmeUsageRuns runs every line of the README's Usage block, as
// written, in a fresh copy of the repository with archvet on PATH, and
// requires each to exit 0 (passed) or 1 (gate failed), never 2.
func TestReadmeUsageRuns(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Fatal("the README's Usage lines are shell commands; this test needs sh on PATH")
	}
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines := usageLines(t, string(readme))
	clone := t.TempDir()
	copyTree(t, root, clone)
	// archvet on PATH is this test binary, which TestMain turns into the
	// archvet command when it is invoked by that name.
	bin := t.TempDir()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(exe, filepath.Join(bin, "archvet")); err != nil {
		t.Fatal(err)
	}
	for _, line := range lines {
		cmd := exec.Command("sh", "-c", line)
		cmd.Dir = clone
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "NO_COLOR=1")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if code != 0 && code != 1 {
			t.Errorf("README Usage line exited %d, want 0 or 1:\n  %s\n%s", code, line, tail(out.String(), 15))
		}
	}
}

// usageLines extracts the commands of the first ```sh block after the
// "## Usage" heading, without their comments.
func usageLines(t *testing.T, readme string) []string {
	t.Helper()
	_, after, ok := strings.Cut(readme, "\n## Usage\n")
	if !ok {
		t.Fatal(`README.md has no "## Usage" section`)
	}
	_, block, ok := strings.Cut(after, "```sh\n")
	if !ok {
		t.Fatal("README.md's Usage section has no ```sh block")
	}
	block, _, _ = strings.Cut(block, "```")
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		if i := strings.Index(l, " # "); i >= 0 {
			l = l[:i]
		}
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if len(lines) < 10 {
		t.Fatalf("found %d commands in README.md's Usage block, want the whole block:\n%s", len(lines), block)
	}
	return lines
}

// copyTree copies the repository as a fresh clone has it: its files
// without .git history or build output, with an empty .git so that the
// copy is a repository root of its own.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() && (d.Name() == ".git" || rel == filepath.Join("bench", "out")) {
			return filepath.SkipDir
		}
		dst := filepath.Join(to, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case d.Name() == ".git" || !d.Type().IsRegular() || rel == "archvet":
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(to, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

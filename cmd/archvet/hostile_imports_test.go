//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile pull requests against imports and ADRs: V4 (imports read
// outside the repository), B10 (ADR text forging archvet's markers) and
// the .adr-dir part of B2 (a FIFO or a device as .adr-dir).

// hostileRepo makes a repository (a .git directory) in a fresh directory
// with the given files, and returns its root.
func hostileRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		writeText(text)(t, filepath.Join(root, filepath.FromSlash(name)))
	}
	return root
}

// V4: a review's imports never read a file outside the repository, named
// absolutely, through ../ or through a symlink; each is an error at the
// imports entry (exit 2) that says nothing of the file outside.
func TestHostileImportsOutsideTheRepository(t *testing.T) {
	bin := buildArchvet(t)
	outside := t.TempDir()
	secret := filepath.Join(outside, "catalog-info.yaml")
	writeText("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: good}\nspec:\n  owner: LEAKED-OWNER\n  dependsOn: [component:LEAKED-DEP-TOKEN]\n")(t, secret)
	root := hostileRepo(t, map[string]string{"good.yaml": goodReview})
	if err := os.Symlink(secret, filepath.Join(root, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "nothing-here.yaml"), filepath.Join(root, "dangling.yaml")); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(root, secret)
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{secret, rel, "link.yaml", "dangling.yaml", "/etc/passwd", "/proc/self/environ", "/dev/zero", filepath.Join(outside, "nothing-here.yaml")} {
		t.Run(target, func(t *testing.T) {
			writeText("format_version: 1\nimports:\n  backstage: '"+target+"'\nservice:\n  name: good\n  tier: 1\n")(t, filepath.Join(root, "hostile.yaml"))
			stdout := checkHostileRun(t, bin, root, nil, 2, []string{"hostile.yaml"}, `
hostile.yaml
hostile.yaml:3:3 error    the imported Backstage catalog file `+target+` is outside the repository, or a link that leads out of it; archvet reads imports only from files inside the repository
hostile.yaml could not be evaluated`)
			if strings.Contains(stdout, "LEAKED") {
				t.Errorf("a value from the file outside the repository is in the report:\n%s", stdout)
			}
			// archvet input shows what the policies would see: nothing of it.
			out, _, code := runArchvet(t, bin, root, nil, "input", "hostile.yaml")
			if code != 2 || strings.Contains(out, "LEAKED") {
				t.Errorf("archvet input: exit %d\n%s", code, out)
			}
		})
	}
}

// B2: an .adr-dir that is a FIFO, a link to one or a link to /dev/zero
// neither blocks nor exhausts memory: it is refused from its metadata,
// with or without --dry-run.
func TestHostileAdrDir(t *testing.T) {
	bin := buildArchvet(t)
	for _, c := range []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"fifo", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skipf("cannot make a FIFO here: %v", err)
			}
		}, "a named pipe"},
		{"link to a fifo", func(t *testing.T, path string) {
			fifo := filepath.Join(t.TempDir(), "pipe")
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Skipf("cannot make a FIFO here: %v", err)
			}
			if err := os.Symlink(fifo, path); err != nil {
				t.Fatal(err)
			}
		}, "a named pipe"},
		{"link to /dev/zero", func(t *testing.T, path string) {
			if err := os.Symlink("/dev/zero", path); err != nil {
				t.Fatal(err)
			}
		}, "a device"},
	} {
		for _, dry := range []bool{true, false} {
			name := c.name
			args := []string{"adr", "--date", "2026-11-23"}
			if dry {
				name += " --dry-run"
				args = append(args, "--dry-run")
			}
			t.Run(name, func(t *testing.T) {
				root := hostileRepo(t, map[string]string{"good.yaml": goodReview})
				c.make(t, filepath.Join(root, ".adr-dir"))
				start := time.Now()
				stdout, stderr, code := runArchvet(t, bin, root, nil, append(args, "good.yaml")...)
				if elapsed := time.Since(start); elapsed > 30*time.Second {
					t.Errorf("took %v", elapsed)
				}
				want := filepath.Join(root, ".adr-dir") + " is " + c.want + "; it should be a file holding the path of the ADR directory"
				if code != 2 || !strings.Contains(stderr, want) {
					t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, want)
				}
				if strings.Contains(stdout, "created") || strings.Contains(stdout, "would create") {
					t.Errorf("ADRs were planned:\n%s", stdout)
				}
			})
		}
	}
}

// B10: decision text from a review is written neutralised: no NUL or
// escape bytes, raw HTML escaped, and a marker in it cannot claim another
// decision, so the ADR that rule ID014 asks for is still written.
func TestHostileADRText(t *testing.T) {
	bin := buildArchvet(t)
	const service = "format_version: 1\nservice:\n  name: orders\n  owner: team-orders\n  tier: 2\n"
	root := hostileRepo(t, map[string]string{
		"forged.yaml": service + `decisions:
  - id: ADR-0001
    title: "Marker injection\u0000"
    status: accepted
    context: "<script>alert(1)</script>\n<!-- archvet:rule=ID014 service=orders -->\n\u001b[31mred\u001b[0m"
    decision: "Ship it.\n<!-- archvet:rule=ID014 service=orders -->"
`,
		// The same service, later: its integration style is now open, so
		// ID014 asks for a decision.
		"later.yaml": service + `consistency: {model: eventual, cap: AP, pacelc: PA/EL, rationale: Orders may lag.}
dependencies:
  - name: payments
    interaction: sync
`,
	})
	if _, stderr, code := runArchvet(t, bin, root, nil, "adr", "--date", "2026-11-23", "forged.yaml"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	written := filepath.Join(root, "docs", "adr", "0001-marker-injection.md")
	b, err := os.ReadFile(written)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, bad := range []string{"\x00", "\x1b", "<script>", "<!-- archvet:rule=ID014"} {
		if strings.Contains(text, bad) {
			t.Errorf("the ADR holds %q:\n%q", bad, text)
		}
	}
	if !strings.HasSuffix(text, "\n<!-- archvet:decision=ADR-0001 service=orders -->\n") {
		t.Errorf("the ADR does not end with its own marker:\n%s", text)
	}
	stdout, stderr, code := runArchvet(t, bin, root, nil, "adr", "--date", "2026-11-23", "later.yaml")
	if code != 0 || !strings.Contains(stdout, "  created      docs/adr/0002-should-the-service-integrate-with-its-dependencies-by.md (decision needed by rule ID014)\n") {
		t.Errorf("exit %d, stderr %s; the decision ID014 needs was not written:\n%s", code, stderr, stdout)
	}
}

// B2: an ADR directory that is a FIFO (named by .adr-dir or --dir) is
// refused from its metadata: listing it would block.
func TestHostileAdrDirectoryIsAFIFO(t *testing.T) {
	bin := buildArchvet(t)
	root := hostileRepo(t, map[string]string{"good.yaml": goodReview, ".adr-dir": "pipe\n"})
	if err := syscall.Mkfifo(filepath.Join(root, "pipe"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	for _, args := range [][]string{{"adr", "--dry-run", "good.yaml"}, {"adr", "--dir", "pipe", "good.yaml"}} {
		_, stderr, code := runArchvet(t, bin, root, nil, args...)
		if code != 2 || !strings.Contains(stderr, "the ADR directory pipe is a named pipe, not a directory") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

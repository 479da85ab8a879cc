//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The hostile pull requests of security review (V3, V7, B2, B3, B8, B12,
// B13, B14): what a pull request that controls a review, a policy
// directory or a configuration file could do, each run through the built
// binary as CI would run it, asserting what the user sees. Each case
// failed before its fix.

// policyHeader is a complete METADATA block for a custom rule.
func policyHeader(id string) string {
	return `# METADATA
# title: Custom rule ` + id + `
# description: A rule of an organisation's own pack.
# related_resources:
#   - ref: https://example.com/rules
#     description: the pack's documentation
# custom:
#   id: ` + id + `
#   severity: low
#   level: reactive
#   frameworks:
#     production-readiness: security
#   remediation: none
#   applicability: always
`
}

// hostileWork makes a repository (a .git directory) holding the good
// review and the given files.
func hostileWork(t *testing.T, files map[string]string) string {
	t.Helper()
	work := t.TempDir()
	if err := os.Mkdir(filepath.Join(work, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	files["good.yaml"] = goodReview
	for name, text := range files {
		writeText(text)(t, filepath.Join(work, filepath.FromSlash(name)))
	}
	return work
}

func TestHostileSecurity(t *testing.T) {
	bin := buildArchvet(t)

	// V3: ref heads let a file in another package define rules inside a
	// built-in rule's package; TF025 turned fail → pass through
	// has_staging. Every such rule is refused at its position, as is a
	// rule in archvet's library and a file named like a built-in one.
	t.Run("V3 custom policy cannot change a built-in rule", func(t *testing.T) {
		for name, tc := range map[string]struct{ file, src, want string }{
			"ref head into a rule package": {"pol/a.rego",
				"package archvet\n\nimport rego.v1\n\nrules.twelve_factor.staging_environment.has_staging if true\n",
				"pol/a.rego:5:1: error: rule data.archvet.rules.twelve_factor.staging_environment.has_staging is inside data.archvet.rules.twelve_factor.staging_environment, which archvet defines: a custom policy may add rules but not change a built-in one; move it to a package of its own under data.archvet.rules."},
			"a parent document": {"pol/a.rego",
				"package archvet.rules\n\nimport rego.v1\n\ntwelve_factor[x] := {} if x := \"staging_environment\"\n",
				"pol/a.rego:5:1: error: rule data.archvet.rules.twelve_factor[x] is inside data.archvet.rules."},
			"the library": {"pol/a.rego",
				"package archvet.lib\n\nimport rego.v1\n\nhelper_of_mine := true\n",
				"pol/a.rego:5:1: error: rule data.archvet.lib.helper_of_mine is inside data.archvet.lib, which archvet defines"},
			"a rule's own package": {"pol/a.rego",
				policyHeader("ACME901") + "package archvet.rules.twelve_factor.staging_environment\n\nimport rego.v1\n\ndeny contains \"x\" if false\n",
				"is inside data.archvet.rules.twelve_factor.staging_environment, which archvet defines"},
			"a built-in file's name": {"policies/twelve_factor/staging_environment.rego",
				"package archvet\n\nimport rego.v1\n\nharmless := true\n",
				"policies/twelve_factor/staging_environment.rego:1:1: error: policy file policies/twelve_factor/staging_environment.rego has the name of a built-in policy file; rename it or its directory"},
		} {
			t.Run(name, func(t *testing.T) {
				work := hostileWork(t, map[string]string{tc.file: tc.src})
				dir := strings.SplitN(tc.file, "/", 2)[0]
				stdout, stderr, code := runArchvet(t, bin, work, nil, "check", "--policy", dir, "good.yaml")
				if code != exitBadInput || !strings.Contains(stderr, tc.want) {
					t.Errorf("exit %d, want 2 with %q\nstderr: %s\nstdout: %s", code, tc.want, stderr, stdout)
				}
			})
		}
		// A custom rule and helper of its own package stay allowed.
		work := hostileWork(t, map[string]string{"pol/mine.rego": policyHeader("ACME900") +
			"package archvet.rules.acme.mine\n\nimport rego.v1\n\nhelper if true\n\ndeny contains \"mine\" if not helper\n"})
		if _, stderr, code := runArchvet(t, bin, work, nil, "check", "--fail-on", "none", "--policy", "pol", "good.yaml"); code != 0 {
			t.Errorf("a well-behaved custom rule: exit %d, stderr: %s", code, stderr)
		}
	})

	// V7: absolute paths, ../ escapes, symlinks out of the repository,
	// directories, FIFOs and empty files counted as evidence.
	t.Run("V7 evidence stays in the repository and must be a non-empty file", func(t *testing.T) {
		outside := t.TempDir()
		writeText("secret\n")(t, filepath.Join(outside, "secret.md"))
		work := hostileWork(t, map[string]string{
			"design.yaml": `format_version: 1
service:
  name: ev
  owner: team-ev
  tier: 3
operations:
  runbooks:
    - /etc/passwd
    - ../../../../../../etc/hostname
    - docs/out.md
    - docs/dir.md
    - docs/fifo.md
    - docs/empty.md
    - docs/real.md
    - docs/inside-link.md
`,
			"docs/real.md": "# Runbook\n",
		})
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(work, "docs", "out.md")))
		must(os.Symlink("real.md", filepath.Join(work, "docs", "inside-link.md")))
		must(os.Mkdir(filepath.Join(work, "docs", "dir.md"), 0o755))
		must(syscall.Mkfifo(filepath.Join(work, "docs", "fifo.md"), 0o644))
		must(os.WriteFile(filepath.Join(work, "docs", "empty.md"), nil, 0o644))
		stdout := checkHostileRun(t, bin, work, nil, 0, []string{"design.yaml"})
		var got []string
		for _, l := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(l, "design.yaml:") && strings.Contains(l, " PR600 ") {
				got = append(got, l)
			}
		}
		// docs/real.md and docs/inside-link.md are evidence: no finding.
		if g, want := strings.Join(got, "\n"), strings.TrimSpace(`
design.yaml:8:7 medium   PR600 operations.runbooks[0] cites "/etc/passwd", which is outside the repository; cite a file in the repository or an http or https URL
design.yaml:9:7 medium   PR600 operations.runbooks[1] cites "../../../../../../etc/hostname", which is outside the repository; cite a file in the repository or an http or https URL
design.yaml:10:7 medium   PR600 operations.runbooks[2] cites "docs/out.md", which is outside the repository; cite a file in the repository or an http or https URL
design.yaml:11:7 medium   PR600 operations.runbooks[3] cites "docs/dir.md", which is not a regular file (a directory, a device or a pipe)
design.yaml:12:7 medium   PR600 operations.runbooks[4] cites "docs/fifo.md", which is not a regular file (a directory, a device or a pipe)
design.yaml:13:7 medium   PR600 operations.runbooks[5] cites "docs/empty.md", which is an empty file`); g != want {
			t.Errorf("PR600 findings:\n got:\n%s\nwant:\n%s", g, want)
		}
	})

	// B14: a review that cites nothing wrote its own _evidence, and PR600
	// went from not applicable to pass.
	t.Run("B14 a review cannot supply computed fields", func(t *testing.T) {
		work := hostileWork(t, map[string]string{"forged.yaml": goodReview +
			"_evidence:\n  fake: {ref: docs/runbook.md, state: present}\n_engine: {}\n"})
		stdout, _, _ := runArchvet(t, bin, work, nil, "check", "--date", "2026-11-23", "--format", "json", "forged.yaml")
		var rep struct {
			Files []struct {
				Diagnostics []struct{ Message string }
				Results     []struct{ Rule, Status string }
			}
		}
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil || len(rep.Files) != 1 {
			t.Fatalf("json report: %v\n%s", err, stdout)
		}
		var msgs []string
		for _, d := range rep.Files[0].Diagnostics {
			msgs = append(msgs, d.Message)
		}
		for _, want := range []string{
			`"_engine" is ignored: keys starting with "_" are computed by archvet, never read from a design review`,
			`"_evidence" is ignored: keys starting with "_" are computed by archvet, never read from a design review`,
		} {
			if !strings.Contains(strings.Join(msgs, "\n"), want) {
				t.Errorf("diagnostics %q lack %q", msgs, want)
			}
		}
		for _, r := range rep.Files[0].Results {
			if r.Rule == "PR600" && r.Status != "not_applicable" {
				t.Errorf("PR600 is %s on a review citing nothing, want not_applicable", r.Status)
			}
		}
	})

	// B2: a FIFO .rego in a policy directory blocked the run forever; a
	// .rego symlink to /dev/zero crashed it out of memory.
	t.Run("B2 special files in a policy directory", func(t *testing.T) {
		work := hostileWork(t, map[string]string{})
		pol := filepath.Join(work, "pol")
		for _, d := range []string{"fifo", "zero", "sock"} {
			if err := os.MkdirAll(filepath.Join(pol, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := syscall.Mkfifo(filepath.Join(pol, "fifo", "x.rego"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("/dev/zero", filepath.Join(pol, "zero", "x.rego")); err != nil {
			t.Fatal(err)
		}
		// Socket paths are short on some systems: listen from inside.
		wd, _ := os.Getwd()
		if err := os.Chdir(filepath.Join(pol, "sock")); err != nil {
			t.Fatal(err)
		}
		l, err := net.Listen("unix", "x.rego")
		os.Chdir(wd)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		for dir, kind := range map[string]string{"fifo": "a named pipe", "zero": "a device", "sock": "a socket"} {
			start := time.Now()
			_, stderr, code := runArchvet(t, bin, work, nil, "check", "--policy", "pol/"+dir, "good.yaml")
			want := fmt.Sprintf("archvet: reading policies in pol/%s: x.rego: not a regular file (%s); a policy directory may only hold .rego files", dir, kind)
			if code != exitBadInput || strings.TrimSpace(stderr) != want {
				t.Errorf("%s: exit %d, stderr %q; want 2 and %q", dir, code, stderr, want)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("%s: took %v", dir, d)
			}
		}
	})

	// B2: the first SIGTERM only cancelled the context, so a run blocked
	// in a system call (here a write to a pipe nobody reads, as a stalled
	// CI log would be) never ended. It now ends within the grace period.
	t.Run("B2 SIGTERM ends a blocked run", func(t *testing.T) {
		work := hostileWork(t, map[string]string{})
		for i := range 40 {
			writeText(strings.Replace(goodReview, "name: good", fmt.Sprintf("name: svc-%d", i), 1))(t, filepath.Join(work, "many", fmt.Sprintf("s%d.yaml", i)))
		}
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		cmd := exec.Command(bin, "check", "--format", "json", "many")
		cmd.Dir = work
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = w, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// Long enough to fill the pipe: 40 JSON reports are far over 64 KiB.
		time.Sleep(3 * time.Second)
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatalf("signalling archvet: %v (stderr: %s)", err, stderr.String())
		}
		select {
		case err = <-done:
		case <-time.After(interruptGrace + 10*time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("archvet was still running %v after SIGTERM", interruptGrace+10*time.Second)
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupt {
			t.Errorf("exit: %v, want %d", err, exitInterrupt)
		}
		if !strings.Contains(stderr.String(), "archvet: interrupted") {
			t.Errorf("stderr: %q", stderr.String())
		}
	})

	// B13: thirty concat doublings crashed the process out of memory
	// before the timeout; the watchdog now stops the evaluation.
	t.Run("B13 a custom policy cannot exhaust memory", func(t *testing.T) {
		var body strings.Builder
		body.WriteString("package archvet.rules.acme.bomb\n\nimport rego.v1\n\ndouble(s) := concat(\"\", [s, s])\n\ndeny contains msg if {\n\ts0 := \"0123456789abcdef\"\n")
		for i := 1; i <= 30; i++ {
			fmt.Fprintf(&body, "\ts%d := double(s%d)\n", i, i-1)
		}
		body.WriteString("\tmsg := sprintf(\"%d\", [count(s30)])\n}\n")
		work := hostileWork(t, map[string]string{"pol/bomb.rego": policyHeader("XM100") + body.String()})
		// The address space is capped as the review's run was (4 GB), so
		// a missing bound crashes rather than swaps.
		stdout, stderr, code := runArchvet(t, bin, work, func(c *exec.Cmd) {
			c.Path = "/bin/sh"
			c.Args = append([]string{"sh", "-c", `ulimit -v 4000000 && exec "$0" "$@"`, bin}, c.Args[1:]...)
		}, "check", "--policy", "pol", "good.yaml")
		want := "good.yaml error    policy evaluation exceeded the memory limit (256 MiB beyond the heap's goal): rule XM100 in pol/bomb.rego did not finish"
		if code != exitBadInput || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, want 2 with %q\nstdout: %s\nstderr: %s", code, want, lastLines(stdout, 5), lastLines(stderr, 5))
		}
	})

	// B12: 30,000 APIs ran every built-in policy into the timeout, twice.
	// Lists are now bounded, and the error is at the list.
	t.Run("B12 huge lists are refused before evaluation", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("format_version: 1\nservice:\n  name: big\n  owner: t\n  tier: 0\napis:\n")
		for i := range 30000 {
			fmt.Fprintf(&b, "  - name: api%d\n", i)
		}
		work := hostileWork(t, map[string]string{"big.yaml": b.String()})
		start := time.Now()
		checkHostileRun(t, bin, work, nil, 2, []string{"big.yaml"}, `
big.yaml
big.yaml:6:1 error    apis has 30000 entries, more than the 1000 a design review may list; split the service or the review
big.yaml could not be evaluated`)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("took %v", d)
		}
	})

	// B3: with every framework disabled no rule ran, yet the review
	// scored 100, "ready", and passed the gate.
	t.Run("B3 a run that evaluates no rule does not pass", func(t *testing.T) {
		work := hostileWork(t, map[string]string{".archvet.yaml": "frameworks:\n  disable: [twelve-factor, well-architected, ideals, production-readiness]\n"})
		stdout, _, code := runArchvet(t, bin, work, nil, "check", "good.yaml")
		if code != exitGateFail {
			t.Errorf("exit %d, want 1", code)
		}
		for _, want := range []string{
			"gate: failed (" + "no rule was evaluated (every framework or rule is disabled, or none applies), so nothing vouches for this design)",
			"Not ready for production",
		} {
			if !strings.Contains(stdout, want) {
				t.Errorf("report lacks %q:\n%s", want, stdout)
			}
		}
	})

	// B8: files were chmod'ed 0644 whatever the umask, and replacing a
	// 0600 report made it 0644.
	t.Run("B8 written files respect the umask and keep their mode", func(t *testing.T) {
		work := hostileWork(t, map[string]string{"decided.yaml": goodReview + "decisions:\n  - id: ADR-1\n    title: Keep orders in PostgreSQL\n    status: accepted\n"})
		umask077 := func(c *exec.Cmd) {
			c.Path = "/bin/sh"
			c.Args = append([]string{"sh", "-c", `umask 077 && exec "$0" "$@"`, bin}, c.Args[1:]...)
		}
		runArchvet(t, bin, work, umask077, "check", "--format", "json=new.json", "good.yaml")
		runArchvet(t, bin, work, umask077, "baseline", "-o", "base.json", "good.yaml")
		runArchvet(t, bin, work, umask077, "init", "--name", "svc", "init.yaml")
		runArchvet(t, bin, work, umask077, "adr", "--dir", "adrs", "--date", "2026-11-23", "decided.yaml")
		adrs, _ := filepath.Glob(filepath.Join(work, "adrs", "0001-*.md"))
		if len(adrs) != 1 {
			t.Fatalf("adr wrote %v", adrs)
		}
		writeText("old\n")(t, filepath.Join(work, "kept.json"))
		if err := os.Chmod(filepath.Join(work, "kept.json"), 0o640); err != nil {
			t.Fatal(err)
		}
		runArchvet(t, bin, work, nil, "check", "--format", "json=kept.json", "good.yaml")
		adr, _ := filepath.Rel(work, adrs[0])
		for file, want := range map[string]os.FileMode{"new.json": 0o600, "base.json": 0o600, "init.yaml": 0o600, adr: 0o600, "kept.json": 0o640} {
			info, err := os.Stat(filepath.Join(work, file))
			if err != nil {
				t.Errorf("%s: %v", file, err)
				continue
			}
			if got := info.Mode().Perm(); got != want {
				t.Errorf("%s: mode %o, want %o", file, got, want)
			}
		}
	})
}

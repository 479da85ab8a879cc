package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The hostile-input corpus: each file of testdata/hostile is checked
// together with a good design review, and the test asserts the exact lines
// the text report gives the hostile file, the exit code of the run, and
// that the good review was still checked and reported. Inputs that are
// big, or that only exist on a file system (FIFOs, symlink loops,
// unreadable files), are made at test time.
//
// The runs go through a built binary, not in-process: a run that hangs
// (on a FIFO, say) is then killed and reported instead of freezing the
// test suite, and the exit code is the one a CI job sees.

// goodReview is checked next to every hostile input; the run must report
// it whatever the hostile file does.
const goodReview = "format_version: 1\nservice:\n  name: good\n  owner: team-good\n  tier: 3\n"

// goodReport is the good review's verdict line in the text report.
const goodReport = "good (tier 3): score "

// A broken file next to the good review: one passes, one cannot be
// evaluated, and the run exits 2.
const brokenSummary = "2 files: 1 passed the gate, 0 failed, 1 could not be evaluated"

type hostileCase struct {
	file string // the hostile input, as named on the command line
	want string // every line of the text report that starts with file
	code int
	// summary is the run's last line; brokenSummary unless set.
	summary string
	flags   []string
}

// hostileCorpus lists every file of testdata/hostile; a file without an
// entry fails the test, so the corpus cannot grow untested.
var hostileCorpus = []hostileCase{
	{file: "empty.yaml", code: 2, want: `
empty.yaml
empty.yaml:1:1 error    empty design review
empty.yaml could not be evaluated`},
	{file: "binary.yaml", code: 2, want: `
binary.yaml
binary.yaml:1:8 error    file is binary, not text: it contains a NUL byte
binary.yaml could not be evaluated`},
	{file: "invalid-utf8.yaml", code: 2, want: `
invalid-utf8.yaml
invalid-utf8.yaml:3:12 error    file is not valid UTF-8 text: archvet reads design reviews as UTF-8; re-save the file as UTF-8
invalid-utf8.yaml could not be evaluated`},
	// A leading byte order mark is accepted: Windows editors write one,
	// and it is valid UTF-8. The file is checked like any other, and its
	// positions are not shifted by the mark.
	{file: "bom.yaml", code: 0, summary: "2 files: 2 passed the gate, 0 failed, 0 could not be evaluated", want: `
bom.yaml
bom.yaml:6:3 warning  unknown field "service.lifecyle"; did you mean "lifecycle"?`},
	{file: "bom.hcl", code: 0, summary: "2 files: 2 passed the gate, 0 failed, 0 could not be evaluated", want: `
bom.hcl
bom.hcl:7:3 warning  unknown field "service.lifecyle"; did you mean "lifecycle"?`},
	{file: "syntax.yaml", code: 2, want: `
syntax.yaml
syntax.yaml:4:3 error    invalid YAML: did not find expected ',' or ']'
syntax.yaml could not be evaluated`},
	{file: "tabs.yaml", code: 2, want: `
tabs.yaml
tabs.yaml:4:1 error    invalid YAML: found a tab character that violates indentation: YAML indentation must use spaces, not tabs
tabs.yaml could not be evaluated`},
	{file: "duplicate-keys.yaml", code: 2, want: `
duplicate-keys.yaml
duplicate-keys.yaml:6:3 error    duplicate key "name": it is already set on line 3
duplicate-keys.yaml could not be evaluated`},
	{file: "multi-document.yaml", code: 2, want: `
multi-document.yaml
multi-document.yaml:6:1 error    the file holds more than one YAML document; a design review is a single document
multi-document.yaml could not be evaluated`},
	// Billion laughs: nine levels of nine aliases, refused at the alias
	// that would take the expansion past the cap.
	{file: "alias-bomb.yaml", code: 2, want: `
alias-bomb.yaml
alias-bomb.yaml:7:8 error    aliases expand to more than 100000 values
alias-bomb.yaml could not be evaluated`},
	{file: "syntax.hcl", code: 2, want: `
syntax.hcl
syntax.hcl:6:11 error    Invalid expression: Expected the start of an expression, but found an invalid expression token.
syntax.hcl could not be evaluated`},
	// A design review is data: no variables, functions or for
	// expressions, each refused where it is written.
	{file: "expressions.hcl", code: 2, want: `
expressions.hcl
expressions.hcl:4:17 error    Variables not allowed: Variables may not be used here.
expressions.hcl:5:17 error    Function calls not allowed: Functions may not be called here.
expressions.hcl:6:32 error    Variables not allowed: Variables may not be used here.
expressions.hcl:11:13 error    for expressions are not supported in a design review: write the values out
expressions.hcl could not be evaluated`},
	{file: "unclosed-front-matter.md", code: 2, want: `
unclosed-front-matter.md
unclosed-front-matter.md:1:1 error    the front matter opened here is never closed: end it with a line holding only ---
unclosed-front-matter.md could not be evaluated`},
	// A wrong type in every top-level section, each at its field.
	{file: "wrong-types.yaml", code: 2, want: `
wrong-types.yaml
wrong-types.yaml:3:3 error    imports.openslo: got string, want array
wrong-types.yaml:7:3 error    service.tier: got string, want integer
wrong-types.yaml:9:3 error    codebase.deploys: got string, want array
wrong-types.yaml:11:3 error    build.stages_separated: got string, want boolean
wrong-types.yaml:13:3 error    config.validated_at_startup: got number, want boolean
wrong-types.yaml:15:3 error    processes.stateless: got string, want boolean
wrong-types.yaml:17:5 error    environments[0].name: got number, want string
wrong-types.yaml:21:5 error    dependencies[0].timeout_ms: got string, want integer
wrong-types.yaml:24:5 error    data_stores[0].engine: got array, want string
wrong-types.yaml:27:5 error    apis[0].clients: got string, want array
wrong-types.yaml:29:3 error    events.publishes: got string, want array
wrong-types.yaml:31:3 error    consistency.rationale: got number, want string
wrong-types.yaml:33:3 error    observability.dashboards: got string, want array
wrong-types.yaml:36:5 error    slos[0].objective_percent: got string, want number
wrong-types.yaml:38:3 error    operations.incident_process: got string, want boolean
wrong-types.yaml:40:3 error    deployment.automated: got string, want boolean
wrong-types.yaml:42:3 error    capacity.peak_rps: got string, want number
wrong-types.yaml:44:3 error    disaster_recovery.rto_minutes: got string, want number
wrong-types.yaml:46:3 error    security.threat_model: got array, want string
wrong-types.yaml:48:3 error    data.retention_days: got number, want integer
wrong-types.yaml:50:3 error    cost.monthly_budget_usd: got string, want number
wrong-types.yaml:52:3 error    sustainability.idle_scale_down: got number, want boolean
wrong-types.yaml:55:5 error    decisions[0].title: got object, want string
wrong-types.yaml:58:5 error    waivers[0].reason: got array, want string
wrong-types.yaml could not be evaluated`},
	{file: "wrong-types.hcl", code: 2, want: `
wrong-types.hcl
wrong-types.hcl:4:3 error    imports.openslo: got string, want array
wrong-types.hcl:10:3 error    service.tier: got string, want integer
wrong-types.hcl:14:3 error    codebase.deploys: got string, want array
wrong-types.hcl:18:3 error    build.stages_separated: got string, want boolean
wrong-types.hcl:22:3 error    config.validated_at_startup: got number, want boolean
wrong-types.hcl:26:3 error    processes.stateless: got string, want boolean
wrong-types.hcl:30:3 error    environments[0].kind: value must be one of 'development', 'test', 'staging', 'production'
wrong-types.hcl:34:3 error    dependencies[0].timeout_ms: got string, want integer
wrong-types.hcl:38:3 error    data_stores[0].engine: got array, want string
wrong-types.hcl:42:3 error    apis[0].clients: got string, want array
wrong-types.hcl:46:3 error    events.publishes: got string, want array
wrong-types.hcl:50:3 error    consistency.rationale: got number, want string
wrong-types.hcl:54:3 error    observability.dashboards: got string, want array
wrong-types.hcl:58:3 error    slos[0].objective_percent: got string, want number
wrong-types.hcl:62:3 error    operations.incident_process: got string, want boolean
wrong-types.hcl:66:3 error    deployment.automated: got string, want boolean
wrong-types.hcl:70:3 error    capacity.peak_rps: got string, want number
wrong-types.hcl:74:3 error    disaster_recovery.rto_minutes: got string, want number
wrong-types.hcl:78:3 error    security.threat_model: got array, want string
wrong-types.hcl:82:3 error    data.retention_days: got number, want integer
wrong-types.hcl:86:3 error    cost.monthly_budget_usd: got string, want number
wrong-types.hcl:90:3 error    sustainability.idle_scale_down: got number, want boolean
wrong-types.hcl:94:3 error    decisions[0].title: got object, want string
wrong-types.hcl:98:3 error    waivers[0].reason: got array, want string
wrong-types.hcl could not be evaluated`},
}

// generatedHostile are inputs too big to commit, written at test time by
// make into the run's directory.
var generatedHostile = []struct {
	hostileCase
	make func(t *testing.T, path string)
}{
	{hostileCase{file: "deep.yaml", code: 2, want: `
deep.yaml
deep.yaml:4:5 error    the document nests deeper than 256 levels
deep.yaml could not be evaluated`}, writeText("format_version: 1\nservice:\n  tags:\n    " + strings.Repeat("- ", 10000) + "x\n")},
	{hostileCase{file: "deep-flow.yaml", code: 2, want: `
deep-flow.yaml
deep-flow.yaml:2:265 error    the document nests deeper than 256 levels
deep-flow.yaml could not be evaluated`}, writeText("format_version: 1\nservice: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n")},
	{hostileCase{file: "deep.hcl", code: 2, want: `
deep.hcl
deep.hcl:258:1 error    the document nests deeper than 256 levels
deep.hcl could not be evaluated`}, writeText("format_version = 1\n\n" + strings.Repeat("service {\n", 10000) + strings.Repeat("}\n", 10000))},
	// 100 MB, refused from its size before a byte is read: the message
	// names the limit and the flag that raises it.
	{hostileCase{file: "huge.yaml", code: 2, want: `
huge.yaml
huge.yaml error    the file is 104857600 bytes, over the 10485760-byte limit for a design review; raise the limit with --max-file-size
huge.yaml could not be evaluated`}, sparseFile(100 << 20)},
	// Raised, the limit lets the same file through to the decoder, which
	// finds that a file of zeros is not text.
	{hostileCase{file: "huge.yaml", code: 2, flags: []string{"--max-file-size", "200000000"}, want: `
huge.yaml
huge.yaml:1:1 error    file is binary, not text: it contains a NUL byte
huge.yaml could not be evaluated`}, sparseFile(100 << 20)},
	// A directory named on the command line is searched; one with nothing
	// to check is an error, not a silent pass.
	{hostileCase{file: "empty-dir", code: 2, want: `
empty-dir
empty-dir error    no design review in this directory: archvet looks for .yaml, .yml and .hcl files and for Markdown design docs that declare format_version
empty-dir could not be evaluated`}, func(t *testing.T, path string) {
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
	}},
}

func writeText(text string) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// sparseFile makes a file of size zero bytes without writing them.
func sparseFile(size int64) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
	}
}

func TestHostileInputs(t *testing.T) {
	bin := buildArchvet(t)

	t.Run("corpus", func(t *testing.T) {
		dir := filepath.Join("testdata", "hostile")
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		listed := map[string]bool{}
		for _, c := range hostileCorpus {
			listed[c.file] = true
		}
		for _, e := range entries {
			if !listed[e.Name()] {
				t.Errorf("testdata/hostile/%s has no expected output in hostileCorpus", e.Name())
			}
		}
		work := t.TempDir()
		writeText(goodReview)(t, filepath.Join(work, "good.yaml"))
		for _, c := range hostileCorpus {
			t.Run(c.file, func(t *testing.T) {
				src, err := os.ReadFile(filepath.Join(dir, c.file))
				if err != nil {
					t.Fatal(err)
				}
				// Beside the good review, so that both are named as the
				// user named them, relative to the working directory.
				if err := os.WriteFile(filepath.Join(work, c.file), src, 0o644); err != nil {
					t.Fatal(err)
				}
				checkHostile(t, bin, work, c)
			})
		}
	})

	for _, g := range generatedHostile {
		name := g.file
		if len(g.flags) > 0 {
			name += " " + strings.Join(g.flags, " ")
		}
		t.Run(name, func(t *testing.T) {
			work := t.TempDir()
			writeText(goodReview)(t, filepath.Join(work, "good.yaml"))
			g.make(t, filepath.Join(work, g.file))
			checkHostile(t, bin, work, g.hostileCase)
		})
	}
}

// checkHostile runs archvet on c.file and good.yaml in work and asserts
// the hostile file's report lines, the good review's report and the exit
// code.
func checkHostile(t *testing.T, bin, work string, c hostileCase) {
	t.Helper()
	args := append([]string{"check", "--date", "2026-11-23", "--fail-on", "none"}, c.flags...)
	args = append(args, c.file, "good.yaml")
	stdout, stderr, code := runArchvet(t, bin, work, nil, args...)
	if code != c.code {
		t.Errorf("exit %d, want %d; stderr: %s", code, c.code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}
	var got []string
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, c.file) {
			got = append(got, l)
		}
	}
	want := strings.TrimPrefix(c.want, "\n")
	if strings.Contains(c.want, " warning ") || c.code == 0 {
		// A file that is evaluated also has findings; its diagnostics
		// come first, right under its name.
		got = got[:min(len(got), strings.Count(want, "\n")+1)]
	}
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("report of %s:\n got:\n%s\nwant:\n%s", c.file, g, want)
	}
	if !strings.Contains("\n"+stdout, "\ngood.yaml\n") || !strings.Contains(stdout, goodReport) {
		t.Errorf("the good review was not reported:\n%s", stdout)
	}
	summary := c.summary
	if summary == "" {
		summary = brokenSummary
	}
	if !strings.HasSuffix(stdout, summary+"\n") {
		t.Errorf("the run does not end with %q:\n%s", summary, lastLines(stdout, 3))
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// buildArchvet builds the command into a temporary directory, for tests
// that need a process of its own: hangs to kill, signals to send, another
// user to run as.
func buildArchvet(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the archvet binary; skipped with -short")
	}
	// go test puts its own go command first on the test's PATH.
	gotool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command on PATH: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "archvet")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command(gotool, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runArchvet runs the binary in dir and returns what it printed and its
// exit code. A run that takes over a minute is killed: archvet must never
// hang on its input.
func runArchvet(t *testing.T, bin, dir string, setup func(*exec.Cmd), args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "CI=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if setup != nil {
		setup(cmd)
	}
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("archvet %s hung and was killed after a minute", strings.Join(args, " "))
	}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("running archvet: %v", err)
	}
	return out.String(), errb.String(), code
}

package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/archvet/archvet/checks"
)

// The hostile-input suite: what a pull request that controls a design
// review, a custom policy or a file name puts in every format
// (../shared/reviews/security.md §1 and §5). Each test names the
// finding it guards.

// hostile holds what an attacker writes in a name or a message: runner
// commands after line breaks, terminal escapes (CSI, OSC, C1 CSI),
// control characters, a bidi override, mentions, bare URLs, a table pipe,
// a CDATA end and bytes that are not UTF-8.
const hostile = "x\n::add-mask::secret\r\n::stop-commands::tok\n::error file=README.md,line=1::forged\n##[add-mask]old" +
	"\x1b[1A\x1b[2K\x1b[32mgate: passed\x1b[0m\x1b]0;pwned\x07\x01\x02\v\u009b31m\u202e @octocat @org/security-team " +
	"https://evil.example/autolink www.evil.example | x | y | ]]> pct%s%d%n \xff\xfe"

// hostilePath is a file name a pull request can commit.
const hostilePath = "::add-mask::d/a\n::error file=x::FORGED\x1b[31m|pipe`%s%d%n\xff.yaml"

// hostileReport is the golden report with every user-controlled string
// made hostile: paths, service names, messages, waiver fields, the
// imported file a finding points at, and a custom rule's title.
func hostileReport(t *testing.T) (checks.Report, Options) {
	t.Helper()
	rep, opts := goldenReport(t)
	for fi := range rep.Files {
		f := &rep.Files[fi]
		f.Path = hostilePath + fmt.Sprint(fi)
		f.Service = "svc" + hostile
		f.GateFailures = append(f.GateFailures, "gate"+hostile)
		for ri := range f.Results {
			r := &f.Results[ri]
			if r.Rule != nil {
				rule := *r.Rule
				rule.Title += hostile
				r.Rule = &rule
			}
			fds := append([]checks.Finding{}, r.Findings...)
			for i := range fds {
				fds[i].Message += hostile
				if i%2 == 1 {
					fds[i].Location.Filename = hostilePath + ".imported"
				}
				if w := fds[i].Waiver; w != nil {
					hw := *w
					hw.Reason, hw.ApprovedBy, hw.Expires = "reason"+hostile, "@octocat"+hostile, "2027"+hostile
					fds[i].Waiver = &hw
				}
			}
			r.Findings = fds
		}
	}
	return rep, opts
}

// TestHostileNoRunnerCommand (V1): no line of the text or github output
// can be read by the GitHub runner as a workflow command, except the
// annotations archvet itself writes; the github per-file summary line
// (ghFileLine) leaked the service name and path raw.
func TestHostileNoRunnerCommand(t *testing.T) {
	rep, opts := hostileReport(t)
	own := regexp.MustCompile(`^::(error|warning|notice) file=[^:]*::`)
	for _, name := range []string{"text", "github"} {
		for _, line := range strings.Split(string(render(t, name, rep, opts)), "\n") {
			if !startsRunnerCommand(line) {
				continue
			}
			if name == "text" || !own.MatchString(line) {
				t.Errorf("%s: a line starts a workflow command: %.120q", name, line)
			}
		}
	}
}

// TestHostileNoControlCharacters (V2, B7): no format writes a control
// character, an escape sequence or invalid UTF-8 from the input raw, and
// the text format prints a path holding % verbs as it is.
func TestHostileNoControlCharacters(t *testing.T) {
	rep, opts := hostileReport(t)
	for _, name := range Names() {
		out := render(t, name, rep, opts)
		if !utf8.Valid(out) {
			t.Errorf("%s: output is not valid UTF-8", name)
		}
		for _, r := range string(out) {
			if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || isBidiControl(r) {
				t.Errorf("%s: raw control character %U in the output", name, r)
				break
			}
		}
	}
	text := string(render(t, "text", rep, opts))
	if strings.Contains(text, "%!") || !strings.Contains(text, "pct%s%d%n") {
		t.Errorf("text: a path or message was used as a format string")
	}
}

// TestHostileMarkdown (V6, B11): mentions and bare URLs are not live in
// the PR comment, and a | in a file name does not split a table cell.
func TestHostileMarkdown(t *testing.T) {
	rep, opts := hostileReport(t)
	out := string(render(t, "markdown", rep, opts))
	for _, live := range []string{"@octocat", "@org/security-team", "https://evil.example", "www.evil.example"} {
		if strings.Contains(out, live) {
			t.Errorf("markdown: %q is live", live)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		// The summary table has 5 columns: 6 unescaped pipes.
		if n := len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(line, -1)); n != 6 {
			t.Errorf("markdown: a table row has %d cell separators, want 6: %.200s", n, line)
		}
	}
}

// TestHostileSARIF (B11): SARIF stays valid JSON and every
// artifactLocation.uri is a percent-encoded RFC 3986 reference.
func TestHostileSARIF(t *testing.T) {
	rep, opts := hostileReport(t)
	out := render(t, "sarif", rep, opts)
	var doc any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	uri := regexp.MustCompile(`^(file://)?([A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-F]{2})+$`)
	var walk func(v any)
	n := 0
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				if k == "artifactLocation" {
					u, _ := e.(map[string]any)["uri"].(string)
					n++
					if !uri.MatchString(u) || strings.HasPrefix(u, "::") {
						t.Errorf("artifactLocation.uri %q is not a percent-encoded URI reference", u)
					}
				}
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(doc)
	if n == 0 {
		t.Fatal("no artifactLocation in the SARIF log")
	}
	if got := sarifURI("d/a b%|:\n\x1b\xff.yaml"); got != "d/a%20b%25%7C%3A%0A%1B%FF.yaml" {
		t.Errorf("sarifURI = %q", got)
	}
}

// TestHostileJUnit (B4): the JUnit report is well-formed XML with control
// characters, invalid UTF-8 and odd file names, CDATA included, and holds
// only characters of XML 1.0's Char production.
func TestHostileJUnit(t *testing.T) {
	rep, opts := hostileReport(t)
	out := render(t, "junit", rep, opts)
	for _, r := range string(out) {
		if !isXMLChar(r) || r == utf8.RuneError && !strings.ContainsRune(string(out), utf8.RuneError) {
			t.Fatalf("JUnit holds %U, outside XML 1.0's Char production", r)
		}
	}
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("JUnit is not well-formed XML: %v", err)
		}
	}
	if got := xmlText("a\x01b\xffc\uFFFEd\te"); got != "a\uFFFDb\uFFFDc\uFFFDd\te" {
		t.Errorf("xmlText = %q", got)
	}
}

// TestHostileMarkdownSingleFileBudget (B5): one design review with
// thousands of findings and huge names still fits GitHub's 65,536-character
// comment, and the comment says how many findings it left out.
func TestHostileMarkdownSingleFileBudget(t *testing.T) {
	rep, opts := goldenReport(t)
	f := rep.Files[1]
	long := strings.Repeat("n", 200000)
	f.Service = long
	var results []checks.RuleResult
	for _, r := range f.Results {
		if len(r.Findings) == 0 {
			results = append(results, r)
			continue
		}
		var many []checks.Finding
		for i := 0; i < 300; i++ {
			fd := r.Findings[0]
			fd.Message = fmt.Sprintf("dependency %d %s", i, long[:i*10])
			fd.Waiver = nil
			many = append(many, fd)
		}
		r.Findings = many
		results = append(results, r)
	}
	f.Results = results
	out := string(render(t, "markdown", checks.Report{Files: []checks.FileReport{f}}, opts))
	if n := utf8.RuneCountInString(out); n > 65536 {
		t.Errorf("markdown is %d characters, over GitHub's 65,536", n)
	}
	if !strings.Contains(out, "more findings not shown") {
		t.Error("markdown does not say that it left findings out")
	}
	if strings.Count(out, "<details>") != strings.Count(out, "</details>") {
		t.Error("unbalanced <details>")
	}
}

// TestEveryFormatStreams (B1): every format writes its report a file at a
// time, so the CLI never switches to holding the whole run, and streaming
// thousands of files holds no more memory than a few.
func TestEveryFormatStreams(t *testing.T) {
	for _, name := range Names() {
		if !Streams(name) {
			t.Errorf("%s does not stream: a run over many files would hold them all", name)
		}
	}
	rep, opts := goldenReport(t)
	f := rep.Files[1]
	const files = 3000
	for _, name := range Names() {
		s, _, err := NewStream(name, opts, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := 0; i < files; i++ {
			f.Path = fmt.Sprintf("d/svc-%05d.yaml", i)
			if err := s.File(f); err != nil {
				t.Fatal(err)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		// The golden file's report takes tens of kilobytes in most
		// formats: holding 3,000 of them would take well over 32 MB.
		if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 32<<20 {
			t.Errorf("%s: the heap grew by %d MB over %d files", name, grew>>20, files)
		}
	}
}

// TestImportedFactPaths: a finding about an imported fact (here the
// Backstage catalog of examples/imports) is placed in the imported file,
// at its line, in every format, not in the review at the imported line.
func TestImportedFactPaths(t *testing.T) {
	review := filepath.Join("..", "..", "examples", "imports", "design.yaml")
	catalog := filepath.ToSlash(filepath.Join("..", "..", "examples", "imports", "catalog-info.yaml"))
	if _, err := os.Stat(review); err != nil {
		t.Fatal(err)
	}
	rep := checkPaths(t, review)
	var line int
	for _, r := range rep.Files[0].Results {
		for _, fd := range r.Findings {
			if r.Rule.ID == "PR200" && filepath.ToSlash(fd.Location.Filename) == catalog {
				line = fd.Location.Start.Line
			}
		}
	}
	if line == 0 {
		t.Fatal("examples/imports no longer has a PR200 finding in catalog-info.yaml; pick another rule")
	}
	opts := Options{}
	want := map[string]string{
		"text":        fmt.Sprintf("%s:%d:", catalog, line),
		"json":        fmt.Sprintf("\"path\": %q,\n            \"line\": %d,", catalog, line),
		"sarif":       fmt.Sprintf("\"uri\": %q\n                },\n                \"region\": {\n                  \"startLine\": %d", catalog, line),
		"github":      fmt.Sprintf("file=%s,line=%d,", catalog, line),
		"codeclimate": fmt.Sprintf("\"path\": %q,\n      \"lines\": {\n        \"begin\": %d", catalog, line),
		"junit":       fmt.Sprintf("%s:%d:", catalog, line),
		"markdown":    fmt.Sprintf("`%s:%d:", catalog, line),
		"html":        fmt.Sprintf("<code>%s:%d:", catalog, line),
	}
	for _, name := range Names() {
		w, ok := want[name]
		if !ok {
			t.Errorf("format %s has no imported-path expectation", name)
			continue
		}
		out := string(render(t, name, rep, opts))
		if name == "text" {
			// An approximate position is marked: catalog-info.yaml:~21:7.
			out = strings.ReplaceAll(out, ":~", ":")
		}
		if !strings.Contains(out, w) {
			t.Errorf("%s does not place the imported finding at %s:%d (want %q)", name, catalog, line, w)
		}
	}
}

// TestOpenQuestionsInEveryFormat: an unanswered rule is shown as an open
// question, not a failure, in each format's own way (docs/formats.md).
func TestOpenQuestionsInEveryFormat(t *testing.T) {
	rep, opts := goldenReport(t)
	changed := false
	for i, r := range rep.Files[2].Results {
		if r.Status == checks.Fail && r.Rule.ID == "PR200" && len(r.Findings) == 1 {
			// Turned into the open question the engine would report had
			// the design left the timeout out: its message, and the
			// severity an open question has at the file's tier (3: low).
			res := &rep.Files[2].Results[i]
			res.Status = checks.Unanswered
			res.Findings[0].Message = `the design does not say what timeout calls to dependency "acquirer" use`
			rule := *res.Rule
			rule.Severity, rule.TierSeverity = checks.SeverityOf(res.Rule, checks.Unanswered, 3), nil
			res.Rule = &rule
			changed = true
		}
	}
	if !changed {
		t.Fatal("PR200 no longer fails testdata/payments.hcl once; pick another rule")
	}
	// payments.hcl already has 8 open questions of its own: PR200 is the 9th.
	for name, want := range map[string]string{
		"text":        "Open questions (9): the design does not say\ntestdata/payments.hcl:~7:1 low      ID015 the design does not say which bounded context the service owns\ntestdata/payments.hcl:17:3 low      PR200 the design does not say what timeout",
		"json":        `"status": "unanswered"`,
		"sarif":       `"kind": "review"`,
		"junit":       `<skipped message="open question: the design does not say what timeout`,
		"markdown":    "- unanswered **PR200** Every synchronous dependency has a client timeout: `17:3` the design does not say what timeout",
		"html":        "<h3>Open questions (9)</h3>",
		"html table":  "<code>testdata/payments.hcl:17:3</code> the design does not say what timeout",
		"github":      "PR200 (unanswered) Every synchronous dependency",
		"codeclimate": "\"description\": \"unanswered: PR200",
	} {
		if out := string(render(t, strings.TrimSuffix(name, " table"), rep, opts)); !strings.Contains(out, want) {
			t.Errorf("%s does not show the open question as %q", name, want)
		}
	}
}

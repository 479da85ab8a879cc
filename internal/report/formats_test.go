package report

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/checks"
)

// TestJUnitCounts parses the JUnit report and checks every count against
// the testcases it holds and against the scorecard.
func TestJUnitCounts(t *testing.T) {
	rep, opts := goldenReport(t)
	type counts struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Skipped  int `xml:"skipped,attr"`
	}
	var doc struct {
		counts
		// Jenkins' junit-10.xsd allows no skipped attribute on the root.
		RootSkipped *string `xml:"skipped,attr"`
		Suites      []struct {
			Name string `xml:"name,attr"`
			counts
			Cases []struct {
				Classname string `xml:"classname,attr"`
				Name      string `xml:"name,attr"`
				Failure   *struct {
					Message string `xml:"message,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
				Error   *struct{} `xml:"error"`
				Skipped *struct{} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(render(t, "junit", rep, opts), &doc); err != nil {
		t.Fatalf("JUnit is not XML: %v", err)
	}
	if len(doc.Suites) != len(rep.Files) {
		t.Fatalf("want one testsuite per file (%d), got %d", len(rep.Files), len(doc.Suites))
	}
	var tests, failures, errors, skipped int
	for i, s := range doc.Suites {
		var f, e, sk int
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
				if !strings.Contains(c.Failure.Text, "fix: ") || !strings.Contains(c.Failure.Text, s.Name+":") {
					t.Errorf("%s %s: failure text lacks the location or the fix:\n%s", s.Name, c.Name, c.Failure.Text)
				}
			}
			if c.Error != nil {
				e++
			}
			if c.Skipped != nil {
				sk++
			}
			if c.Classname != s.Name {
				t.Errorf("testcase classname %q in suite %q", c.Classname, s.Name)
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != sk {
			t.Errorf("suite %s says tests=%d failures=%d errors=%d skipped=%d; it holds %d, %d, %d, %d",
				s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e, sk)
		}
		fr := rep.Files[i]
		if fr.Broken {
			if e != 1 || len(s.Cases) != 1 {
				t.Errorf("broken file %s: want one testcase with one error", s.Name)
			}
		} else {
			o := fr.Scorecard.Overall
			// Open questions (unanswered) are skipped test cases too.
			if f != o.Failed || sk != o.NotApplicable+o.Waived+o.Unanswered || len(s.Cases) != len(fr.Results) {
				t.Errorf("%s: %d failures and %d skipped, scorecard has %d failed, %d not applicable, %d waived, %d unanswered",
					s.Name, f, sk, o.Failed, o.NotApplicable, o.Waived, o.Unanswered)
			}
		}
		tests, failures, errors, skipped = tests+s.Tests, failures+s.Failures, errors+s.Errors, skipped+s.Skipped
	}
	if doc.RootSkipped != nil {
		t.Errorf("<testsuites> has skipped=%q, which junit-10.xsd does not allow", *doc.RootSkipped)
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != errors {
		t.Errorf("testsuites totals %+v, suites add up to %d %d %d %d", doc.counts, tests, failures, errors, skipped)
	}
	if failures == 0 || skipped == 0 || errors != 1 {
		t.Errorf("the golden report should exercise failures, skips and one error: %d %d %d", failures, skipped, errors)
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got := ghProperty("a,b:c%d\ne"); got != "a%2Cb%3Ac%25d%0Ae" {
		t.Errorf("ghProperty: %q", got)
	}
	if got := ghData("50% done,\r\nnext: x"); got != "50%25 done,%0D%0Anext: x" {
		t.Errorf("ghData: %q", got)
	}
	rep, opts := goldenReport(t)
	out := string(render(t, "github", rep, opts))
	for _, want := range []string{
		// Past GitHub's 10 notice annotations per step (open questions
		// are notices too): a plain log line.
		"\ntestdata/orders.yaml:30:3: notice: WA374 ",
		"\ntestdata/payments.hcl:3:1: notice: WA304 (unanswered) ",
		"::error file=testdata/payments.hcl,line=11,col=5,title=TF007 ",
		"::warning file=testdata/orders.yaml,line=15,col=5,title=ID006 ",
		"::notice file=testdata/orders.yaml,line=9,col=5,title=PR210 (unanswered) ",
		"::notice file=testdata/orders.yaml,line=17,col=5,title=PR200 (waived) ",
		"::error file=testdata/broken.yaml,line=3,col=3,title=archvet%3A input error::",
		"\narchvet: 3 files: 0 passed the gate, 2 failed, 1 could not be evaluated\n",
		"not annotated: GitHub shows 10 annotations of each kind per step",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("github output lacks %q", want)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(line, "::") && strings.Count(line, "::") != 2 {
			t.Errorf("a message breaks the command syntax: %s", line)
		}
	}
}

func TestCodeClimate(t *testing.T) {
	rep, opts := goldenReport(t)
	var issues []struct {
		Type, CheckName, Description, Fingerprint, Severity string
		Location                                            struct {
			Path  string
			Lines struct{ Begin int }
		}
	}
	out := render(t, "codeclimate", rep, opts)
	if err := json.Unmarshal(out, &issues); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, is := range issues {
		if is.Type != "issue" || is.Description == "" || is.Location.Path == "" || is.Location.Lines.Begin < 1 {
			t.Errorf("incomplete issue %+v", is)
		}
		if seen[is.Fingerprint] {
			t.Errorf("fingerprint %s is used twice; GitLab would merge the issues", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}
	if !strings.Contains(string(out), `"check_name": "TF007"`) || !strings.Contains(string(out), `"severity": "major"`) {
		t.Error("codeclimate lacks the TF007 finding at major (high at tier 2)")
	}
}

// TestMarkdownFitsAComment checks a run over many files stays under
// GitHub's comment limit and says what it left out.
func TestMarkdownFitsAComment(t *testing.T) {
	src, err := os.ReadFile("testdata/orders.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 60; i++ {
		p := filepath.Join(dir, fmt.Sprintf("svc-%02d.yaml", i))
		if err := os.WriteFile(p, []byte(strings.Replace(string(src), "name: orders", fmt.Sprintf("name: orders-%02d", i), 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	c := testChecker(t)
	rep := c.CheckAll(context.Background(), inputsOf(paths))
	out := string(render(t, "markdown", rep, Options{Catalogue: c.Engine.Catalogue}))
	if len(out) > 65536 {
		t.Errorf("markdown is %d characters, over GitHub's 65,536", len(out))
	}
	if !strings.Contains(out, "not shown, to keep this comment under GitHub's size limit") {
		t.Error("markdown does not say that it left files out")
	}
	if strings.Count(out, "<details>") != strings.Count(out, "</details>") {
		t.Error("unbalanced <details>")
	}
}

// TestBaselineInFormats checks what a baseline adds to each format.
func TestBaselineInFormats(t *testing.T) {
	rep, opts := goldenReport(t)
	opts.Baseline = &Baseline{Path: "archvet-baseline.json", New: 1, Present: 16, Fixed: 2,
		NewFindings: map[FindingRef]bool{{Path: "testdata/payments.hcl", Rule: "TF007", Index: 0}: true}}
	model := BuildWith(rep, opts)
	if b := model.Summary.Baseline; b == nil || b.New != 1 || b.Present != 16 || b.Fixed != 2 {
		t.Fatalf("JSON summary baseline: %+v", model.Summary.Baseline)
	}
	states := map[string]int{}
	for _, f := range model.Files {
		for _, r := range f.Results {
			if r.Status == checks.Fail && r.Fingerprint == "" {
				t.Errorf("%s %s has no fingerprint", f.Path, r.Rule)
			}
			states[r.Baseline]++
			if r.Baseline == "new" && r.Rule != "TF007" {
				t.Errorf("%s is marked new", r.Rule)
			}
		}
	}
	if states["new"] != 1 || states["unchanged"] == 0 {
		t.Errorf("baseline states %v", states)
	}
	for name, want := range map[string]string{
		"text":     "against baseline archvet-baseline.json: 1 new finding(s), 16 still present, 2 fixed",
		"markdown": "**Baseline** `archvet-baseline.json`: **1 new**, 16 still present, 2 fixed",
		"sarif":    `"baselineState": "new"`,
		"github":   "(new since the baseline)",
		"html":     `<span class="new">new</span>`,
	} {
		if out := string(render(t, name, rep, opts)); !strings.Contains(out, want) {
			t.Errorf("%s output lacks %q", name, want)
		}
	}
}

package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
)

// junitFormatter writes JUnit XML as Jenkins and GitLab read it: a
// testsuite per design review and a testcase per rule, so a CI test view
// lists every checklist item as passed, failed or skipped.
type junitFormatter struct{ opts Options }

type junitSuites struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Time     string   `xml:"time,attr"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Time       string           `xml:"time,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
	SystemOut  string           `xml:"system-out,omitempty"`
}

type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr,omitempty"`
}

// junitTime is every duration: archvet does not time rules, and a fixed
// value keeps the output byte-for-byte reproducible.
const junitTime = "0"

func (j junitFormatter) Format(w io.Writer, rep checks.Report) error {
	return formatAll(j.Stream(w), rep)
}

// Stream renders each file's testsuite when the file comes and keeps the
// bytes in a spool; Close writes the <testsuites> element, whose totals
// are known only then, around them. The root element carries name,
// tests, failures, errors and time only: Jenkins' junit-10.xsd allows no
// skipped attribute there (skips are counted per testsuite).
func (j junitFormatter) Stream(w io.Writer) Stream {
	s := &junitStream{w: w, suites: newSpool(), root: junitSuites{Name: "archvet", Time: junitTime}}
	s.enc = xml.NewEncoder(s.suites)
	s.enc.Indent("  ", "  ")
	return s
}

type junitStream struct {
	w      io.Writer
	suites *spool
	enc    *xml.Encoder
	root   junitSuites
	n      int
}

var junitSuiteElement = xml.StartElement{Name: xml.Name{Local: "testsuite"}}

func (s *junitStream) File(f checks.FileReport) error {
	return s.suite(junitFileSuite(f))
}

// suite writes one testsuite and counts it in the root's totals.
func (s *junitStream) suite(suite junitSuite) error {
	s.root.Tests += suite.Tests
	s.root.Failures += suite.Failures
	s.root.Errors += suite.Errors
	s.n++
	if _, err := s.suites.WriteString("\n"); err != nil {
		return err
	}
	if err := s.enc.EncodeElement(suite, junitSuiteElement); err != nil {
		return err
	}
	return s.enc.Flush()
}

func (s *junitStream) Close() error {
	defer s.suites.Close()
	var head bytes.Buffer
	head.WriteString(xml.Header)
	enc := xml.NewEncoder(&head)
	if err := enc.Encode(s.root); err != nil {
		return err
	}
	// Encode wrote <testsuites …></testsuites>; the suites go between.
	open := strings.TrimSuffix(head.String(), "</testsuites>")
	if _, err := io.WriteString(s.w, open); err != nil {
		return err
	}
	if err := s.suites.CopyTo(s.w); err != nil {
		return err
	}
	tail := "</testsuites>\n"
	if s.n > 0 {
		tail = "\n" + tail
	}
	_, err := io.WriteString(s.w, tail)
	return err
}

func junitFileSuite(f checks.FileReport) junitSuite {
	s := junitSuiteOf(f)
	s.sanitize()
	return s
}

// sanitize makes every string of a suite fit for XML and for the CI page
// that shows it: control characters, escape sequences and invalid UTF-8
// from a design review or a file name are shown as visible escapes
// (clean), and what XML 1.0 cannot hold never reaches the CDATA sections,
// which encoding/xml writes as given.
func (s *junitSuite) sanitize() {
	s.Name = clean(s.Name)
	s.SystemOut = xmlText(cleanLines(s.SystemOut))
	if s.Properties != nil {
		for i := range s.Properties.Property {
			p := &s.Properties.Property[i]
			p.Name, p.Value = clean(p.Name), clean(p.Value)
		}
	}
	for i := range s.Cases {
		c := &s.Cases[i]
		c.Classname, c.Name = clean(c.Classname), clean(c.Name)
		c.SystemOut = xmlText(cleanLines(c.SystemOut))
		for _, p := range []*junitProblem{c.Failure, c.Error} {
			if p != nil {
				p.Message, p.Type, p.Text = clean(p.Message), clean(p.Type), xmlText(cleanLines(p.Text))
			}
		}
		if c.Skipped != nil {
			c.Skipped.Message = clean(c.Skipped.Message)
		}
	}
}

func junitSuiteOf(f checks.FileReport) junitSuite {
	s := junitSuite{Name: f.Path, Time: junitTime}
	var notes []string
	for _, d := range f.Diagnostics {
		notes = append(notes, diagLine(f.Path, d))
	}
	if f.Broken {
		msg := "the file could not be evaluated"
		for _, d := range f.Diagnostics {
			if d.Severity == diag.Error {
				msg = d.Message()
				break
			}
		}
		s.add(junitCase{
			Classname: f.Path, Name: "the design review can be evaluated", Time: junitTime,
			Error: &junitProblem{Message: msg, Type: "input", Text: strings.Join(notes, "\n")},
		})
		return s
	}
	score := "n/a"
	if f.Scorecard.Overall.Applicable() {
		score = fmt.Sprintf("%.1f", f.Scorecard.Overall.Score())
	}
	gate := "passed"
	if len(f.GateFailures) > 0 {
		gate = "failed: " + strings.Join(f.GateFailures, "; ")
	}
	props := []junitProperty{
		{Name: "service", Value: f.Service},
		{Name: "tier", Value: fmt.Sprint(f.Tier)},
		{Name: "score", Value: score},
		{Name: "verdict", Value: string(f.Verdict)},
		{Name: "gate", Value: gate},
		{Name: "trust", Value: trustFigure(f.Scorecard.Trust)},
	}
	for _, fw := range f.Scorecard.Frameworks {
		v := "n/a"
		if fw.Applicable() {
			v = fmt.Sprintf("%.1f", fw.Score())
		}
		props = append(props, junitProperty{Name: "score." + fw.ID, Value: v})
	}
	s.Properties = &junitProperties{Property: props}
	s.SystemOut = strings.Join(notes, "\n")
	for _, r := range f.Results {
		if r.Rule == nil {
			continue
		}
		s.add(junitRuleCase(f, r))
	}
	return s
}

// add appends a testcase to the suite and counts it in the suite's
// tests, failures, errors or skipped.
func (s *junitSuite) add(c junitCase) {
	s.Tests++
	switch {
	case c.Failure != nil:
		s.Failures++
	case c.Error != nil:
		s.Errors++
	case c.Skipped != nil:
		s.Skipped++
	}
	s.Cases = append(s.Cases, c)
}

// junitRuleCase is one rule on one file. A failed rule is one failure
// listing every offending entry; a rule that is not applicable, or whose
// findings are all waived, is skipped with the reason.
func junitRuleCase(f checks.FileReport, r checks.RuleResult) junitCase {
	c := junitCase{Classname: f.Path, Name: r.Rule.ID + " " + r.Rule.Title, Time: junitTime}
	switch kindOf(r.Status) {
	case kindPass:
		return c
	case kindNotApplicable:
		c.Skipped = &junitSkipped{Message: "not applicable"}
		return c
	}
	var failing, accepted []string
	first := ""
	for _, fd := range r.Findings {
		st := findingStatus(r, fd)
		line := where(f.Path, &fd.Location) + ": " + fd.Message
		if st == checks.Fail {
			if first == "" {
				first = fd.Message
			}
			failing = append(failing, line)
			continue
		}
		line += " (" + statusLabel(st)
		if w := fd.Waiver; w != nil && st == checks.Waived {
			line += fmt.Sprintf(" by %s until %s: %s", w.ApprovedBy, w.Expires, oneLine(w.Reason))
		}
		accepted = append(accepted, line+")")
	}
	if len(failing) == 0 && r.Status == checks.Fail {
		// A failure the policy gave no entry for still fails the testcase.
		failing, first = []string{f.Path + ": " + r.Rule.Title}, r.Rule.Title
	}
	if len(failing) == 0 {
		c.Skipped = &junitSkipped{Message: statusLabel(r.Status)}
		if len(accepted) == 1 {
			c.Skipped.Message = accepted[0]
		}
		if r.Status == checks.Unanswered {
			// Neither passed nor failed: the design does not say. JUnit has
			// no third outcome, and a skip is what CI views show as "not
			// judged" without failing the build.
			c.Skipped.Message = "open question: " + r.Findings[0].Message
			if len(r.Findings) > 1 {
				c.Skipped.Message += fmt.Sprintf(" (and %d more)", len(r.Findings)-1)
			}
		}
		c.SystemOut = strings.Join(accepted, "\n")
		return c
	}
	msg := first
	if len(failing) > 1 {
		msg = fmt.Sprintf("%s (and %d more)", first, len(failing)-1)
	}
	text := append(failing, accepted...)
	text = append(text, "", "fix: "+oneLine(r.Rule.Remediation))
	c.Failure = &junitProblem{Message: msg, Type: r.Rule.Severity.String(), Text: strings.Join(text, "\n")}
	return c
}

// diagLine renders a diagnostic as file:line:col: severity: message.
func diagLine(file string, d diag.Diagnostic) string {
	at := file
	if d.Subject != nil && d.Subject.Start.Known() {
		at = where(file, d.Subject)
	}
	return fmt.Sprintf("%s: %s: %s", at, d.Severity, d.Message())
}

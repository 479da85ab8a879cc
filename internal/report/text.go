package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/rules"
)

// textFormatter is the human report: findings as file:line:col lines a
// terminal or editor can jump to, each with its fix, then the scores.
type textFormatter struct {
	color    bool
	baseline *Baseline
	quiet    bool // failures only (check --quiet)
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
	ansiDim    = "\x1b[2m"
)

func (t textFormatter) paint(code, s string) string {
	if !t.color {
		return s
	}
	return code + s + ansiReset
}

func (t textFormatter) severity(s rules.Severity) string {
	label := fmt.Sprintf("%-8s", s)
	switch s {
	case rules.Critical, rules.High:
		return t.paint(ansiRed, label)
	case rules.Medium:
		return t.paint(ansiYellow, label)
	}
	return t.paint(ansiCyan, label)
}

func (t textFormatter) Format(w io.Writer, rep checks.Report) error {
	return formatAll(t.Stream(w), rep)
}

// Stream writes the text report a file at a time; only the totals of the
// closing summary line are kept.
func (t textFormatter) Stream(w io.Writer) Stream {
	return &textStream{t: t, p: &printer{w: w, guard: true}, sum: newSummary()}
}

type textStream struct {
	t   textFormatter
	p   *printer
	sum JSONSummary
}

func (s *textStream) File(f checks.FileReport) error {
	if s.t.quiet {
		s.t.failures(s.p, f)
		return s.p.err
	}
	if s.sum.Files > 0 {
		s.p.line("")
	}
	s.t.file(s.p, f)
	s.sum.add(f)
	return s.p.err
}

func (s *textStream) Close() error {
	if s.t.quiet {
		return s.p.err
	}
	if s.sum.Files > 1 {
		s.p.line("")
		s.t.summary(s.p, s.sum)
	}
	if s.t.baseline != nil {
		s.p.line("")
		s.p.line("%s", s.t.baseline.Describe())
	}
	return s.p.err
}

func (t textFormatter) file(p *printer, f checks.FileReport) {
	p.line("%s", t.paint(ansiBold, displayPath(f.Path)))
	waived, evaluated := t.problems(p, f, false)
	if !evaluated {
		return
	}
	for _, w := range waived {
		p.line("%s", w)
	}
	t.scores(p, f)
}

// failures is a file's part of a --quiet report: its errors, failed
// findings with their fix, and why it fails the gate; nothing at all for a
// file that passes.
func (t textFormatter) failures(p *printer, f checks.FileReport) {
	if _, evaluated := t.problems(p, f, true); !evaluated {
		return
	}
	if len(f.GateFailures) > 0 {
		p.line("%s: gate %s (%s)", displayPath(f.Path), t.paint(ansiRed, "failed"), clean(strings.Join(f.GateFailures, "; ")))
	}
}

// problems prints a file's diagnostics (errors only when errorsOnly) and
// failed findings, each with its fix, and returns the waived findings'
// lines; evaluated is false for a file that could not be evaluated.
func (t textFormatter) problems(p *printer, f checks.FileReport, errorsOnly bool) (waived []string, evaluated bool) {
	path := displayPath(f.Path)
	for _, d := range f.Diagnostics {
		if errorsOnly && d.Severity != diag.Error {
			continue
		}
		label := fmt.Sprintf("%-8s", d.Severity)
		if d.Severity == diag.Error {
			label = t.paint(ansiRed, label)
		} else {
			label = t.paint(ansiYellow, label)
		}
		at := path
		if d.Subject != nil && d.Subject.Start.Known() {
			at = where(f.Path, d.Subject)
		}
		p.line("%s %s %s", at, label, clean(d.Message()))
	}
	if f.Broken {
		p.line("%s could not be evaluated", path)
		return nil, false
	}
	var questions []string
	for _, r := range f.Results {
		failing := 0
		for _, fd := range r.Findings {
			if fd.IsWaived() {
				waived = append(waived, fmt.Sprintf("%s %s %s %s (waived by %s until %s: %s)", whereFinding(f.Path, fd),
					t.paint(ansiDim, "waived  "), clean(r.Rule.ID), clean(fd.Message), clean(fd.Waiver.ApprovedBy), clean(fd.Waiver.Expires), clean(fd.Waiver.Reason)))
				continue
			}
			if r.Status == checks.Unanswered {
				questions = append(questions, fmt.Sprintf("%s %s %s %s", whereFinding(f.Path, fd), t.severity(r.Rule.Severity), clean(r.Rule.ID), clean(fd.Message)))
				continue
			}
			failing++
			p.line("%s %s %s %s", whereFinding(f.Path, fd), t.severity(r.Rule.Severity), clean(r.Rule.ID), clean(fd.Message))
			for _, rl := range fd.Related {
				p.line("    related: %s %s", where(f.Path, &rl.Location), clean(rl.Message))
			}
		}
		if failing > 0 {
			p.line("    %s %s", t.paint(ansiDim, "fix:"), clean(firstSentence(r.Rule.Remediation)))
		}
	}
	// Open questions come after the findings; a --quiet report shows
	// failures only.
	if len(questions) > 0 && !errorsOnly {
		p.line("")
		p.line("%s", t.paint(ansiBold, fmt.Sprintf("Open questions (%d): the design does not say", len(questions))))
		for _, q := range questions {
			p.line("%s", q)
		}
	}
	return waived, true
}

// scores prints a file's summary: score, verdict, counts, maturity, the
// frameworks and the gate.
func (t textFormatter) scores(p *printer, f checks.FileReport) {
	sc := f.Scorecard
	p.line("")
	service := clean(f.Service)
	if service == "" {
		service = displayPath(f.Path)
	}
	config := ""
	if f.Config != "" {
		config = ", config " + displayPath(f.Config)
	}
	p.line("%s (tier %d%s): score %.1f/100, completeness %.1f%%%s, %s", t.paint(ansiBold, service), f.Tier, config, sc.Overall.Score(), sc.Overall.Completeness(), trustSuffix(sc.Trust, ", "), t.verdict(f.Verdict))
	counts := fmt.Sprintf("  %d passed, %d failed, %d open questions, %d not applicable", sc.Overall.Passed, sc.Overall.Failed, sc.Overall.Unanswered, sc.Overall.NotApplicable)
	if sc.Overall.Waived > 0 {
		counts += fmt.Sprintf(", %d waived (%d points not counted)", sc.Overall.Waived, sc.Overall.WaivedPoints)
	}
	p.line("%s", counts)
	if sc.Trust.Known() {
		p.line("  %s", trustCounts(sc.Trust))
	}
	t.maturity(p, f.Maturity)
	for _, fw := range sc.Frameworks {
		if !fw.Applicable() {
			p.line("  %-24s %s", clean(fw.Name), "n/a")
			continue
		}
		var weak []string
		for _, c := range fw.Categories {
			if c.Failed > 0 {
				weak = append(weak, fmt.Sprintf("%s %.0f", clean(c.ID), c.Score()))
			}
		}
		line := fmt.Sprintf("  %-24s %5.1f", clean(fw.Name), fw.Score())
		if fw.Trust.Known() {
			line += "  trust " + trustFigure(fw.Trust)
		}
		if len(weak) > 0 {
			line += "  " + t.paint(ansiDim, "weakest: "+strings.Join(weak, ", "))
		}
		p.line("%s", line)
	}
	if len(f.GateFailures) > 0 {
		p.line("gate: %s (%s)", t.paint(ansiRed, "failed"), clean(strings.Join(f.GateFailures, "; ")))
	} else {
		p.line("gate: %s", t.paint(ansiGreen, "passed"))
	}
}

func (t textFormatter) maturity(p *printer, m checks.Maturity) {
	if m.Next == "" {
		p.line("  maturity: %s (the top of the ladder)", clean(m.Level))
		return
	}
	ids := make([]string, 0, len(m.Blockers))
	for _, b := range m.Blockers {
		ids = append(ids, fmt.Sprintf("%s +%.1f", clean(b.Rule.ID), b.ScoreGain))
	}
	const shown = 8
	more := ""
	if len(ids) > shown {
		more = fmt.Sprintf(" and %d more", len(ids)-shown)
		ids = ids[:shown]
	}
	p.line("  maturity: %s; to reach %s fix %s%s", clean(m.Level), clean(m.Next), strings.Join(ids, ", "), more)
}

func (t textFormatter) verdict(v checks.Verdict) string {
	s := strings.ToUpper(v.Describe()[:1]) + v.Describe()[1:]
	switch v {
	case checks.Ready:
		return t.paint(ansiGreen, s)
	case checks.Conditional:
		return t.paint(ansiYellow, s)
	}
	return t.paint(ansiRed, s)
}

func (t textFormatter) summary(p *printer, s JSONSummary) {
	p.line("%d files: %d passed the gate, %d failed, %d could not be evaluated", s.Files, s.GatePassed, s.GateFailed, s.Broken)
}

// where renders a position as file:line:col, and says so when unknown
// instead of pretending the finding is at 1:1. The file name is cleaned
// for the log (see displayPath).
func where(file string, r *diag.Range) string {
	if r == nil || !r.Start.Known() {
		return displayPath(file) + ": (position unknown)"
	}
	name := r.Filename
	if name == "" {
		name = file
	}
	return fmt.Sprintf("%s:%d:%d", displayPath(name), r.Start.Line, r.Start.Column)
}

// whereFinding is where for a finding, with the line marked ~ when the
// position is approximate (the field is missing and the finding points at
// the block that should hold it; JSON's exact: false): design.yaml:~12:3.
func whereFinding(file string, fd checks.Finding) string {
	at := where(file, &fd.Location)
	if fd.Exact || !fd.Location.Start.Known() {
		return at
	}
	i := strings.LastIndex(at, fmt.Sprintf(":%d:%d", fd.Location.Start.Line, fd.Location.Start.Column))
	return at[:i+1] + "~" + at[i+1:]
}

// firstSentence keeps the text report to one line per fix; the whole
// remediation is in `archvet explain` and the other formats.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// printer remembers the first write error so formatters stay linear.
// A guarded printer (the text format's) also makes sure no line it writes
// can be read as a GitHub workflow command: the text report is what the
// action prints by default, and every user string in it is cleaned, so
// only a line that starts with user text (a service name) needs this.
type printer struct {
	w     io.Writer
	err   error
	guard bool
}

func (p *printer) line(format string, args ...any) {
	if p.err != nil {
		return
	}
	s := fmt.Sprintf(format, args...)
	if p.guard && startsRunnerCommand(s) {
		s = `\` + s
	}
	_, p.err = io.WriteString(p.w, s+"\n")
}

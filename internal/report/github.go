package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/rules"
)

// githubFormatter writes GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request's diff, followed by a
// plain summary line per file for the log. GitHub shows at most
// ghAnnotationsPerKind annotations of each kind (error, warning, notice)
// per step and drops the rest without a word, so the formatter stops
// there: further findings are written as plain log lines, and one line
// says how many were not annotated. When Options.StepSummary names a file
// (the runner's $GITHUB_STEP_SUMMARY), the Markdown report is appended to
// it as the job summary.
type githubFormatter struct{ opts Options }

// ghAnnotationsPerKind is how many annotations of one kind GitHub shows
// per step (actions/toolkit, docs/problem-matchers.md: 10 error, 10
// warning and 10 notice annotations per step, 50 per job).
const ghAnnotationsPerKind = 10

func (g githubFormatter) Format(w io.Writer, rep checks.Report) error {
	return formatAll(g.Stream(w), rep)
}

// Stream writes each file's annotations as the file comes; the one-line
// summaries of the files, which follow every annotation, are kept until
// Close (in a spool, so thousands of files cost disk, not memory).
func (g githubFormatter) Stream(w io.Writer) Stream {
	s := &githubStream{g: g, p: &printer{w: w}, sum: newSummary(), lines: newSpool(), counts: map[string]int{}}
	if g.opts.StepSummary != "" {
		s.summary = markdownFormatter(g).Stream(&s.summaryBuf)
	}
	return s
}

type githubStream struct {
	g      githubFormatter
	p      *printer
	sum    JSONSummary
	lines  *spool
	counts map[string]int // annotations written, by kind
	over   map[string]int // findings not annotated, by kind
	// summary renders the job summary when the step has one.
	summary    Stream
	summaryBuf bytes.Buffer
	// systemLine is the system's summary line (System), logged last.
	systemLine string
}

// annotate writes one workflow command, or a plain log line once the
// step's annotations of that kind are used up.
func (s *githubStream) annotate(cmd, file string, at *diag.Range, title, msg string) {
	if s.counts[cmd] < ghAnnotationsPerKind {
		s.counts[cmd]++
		s.p.line("%s", ghCommand(cmd, file, at, title, msg))
		return
	}
	if s.over == nil {
		s.over = map[string]int{}
	}
	s.over[cmd]++
	pos := displayPath(file)
	if at != nil {
		pos = where(file, at)
	}
	s.p.line("%s: %s: %s: %s", pos, cmd, clean(title), clean(msg))
}

func (s *githubStream) File(f checks.FileReport) error {
	for _, d := range f.Diagnostics {
		cmd := "error"
		if d.Severity == diag.Warning {
			cmd = "warning"
		}
		var at *diag.Range
		if d.Subject != nil && d.Subject.Start.Known() {
			at = d.Subject
		}
		s.annotate(cmd, RelativePath(diagPath(f.Path, d.Subject)), at, "archvet: input "+d.Severity.String(), d.Message())
	}
	// Most severe first, so the annotations GitHub shows are the ones
	// that matter most.
	for _, r := range bySeverity(f.Results) {
		for i, fd := range r.Findings {
			st := findingStatus(r, fd)
			cmd, title, msg := ghLevel(r.Rule.Severity), r.Rule.ID+" "+r.Rule.Title, fd.Message
			if st != checks.Fail {
				cmd, title = "notice", r.Rule.ID+" ("+statusLabel(st)+") "+r.Rule.Title
				if w := fd.Waiver; w != nil && st == checks.Waived {
					msg += fmt.Sprintf("\nwaived by %s until %s: %s", w.ApprovedBy, w.Expires, oneLine(w.Reason))
				}
			} else {
				if s.g.opts.Baseline.state(f, r, i) == baselineNew {
					msg += " (new since the baseline)"
				}
				msg += "\nfix: " + oneLine(r.Rule.Remediation)
			}
			var at *diag.Range
			if fd.Location.Start.Known() {
				at = &fd.Location
			}
			s.annotate(cmd, findingPath(f, fd), at, title, msg)
		}
	}
	s.sum.add(f)
	s.lines.WriteString(ghFileLine(f) + "\n")
	if s.summary != nil {
		if err := s.summary.File(f); err != nil {
			return err
		}
	}
	return s.p.err
}

func (s *githubStream) Close() error {
	defer s.lines.Close()
	if s.p.err == nil {
		s.p.err = s.lines.CopyTo(s.p.w)
	}
	if len(s.over) > 0 {
		var parts []string
		for _, kind := range []string{"error", "warning", "notice"} {
			if n := s.over[kind]; n > 0 {
				parts = append(parts, plural(n, kind, kind+"s"))
			}
		}
		s.p.line("archvet: %s not annotated: GitHub shows %d annotations of each kind per step; they are listed above as plain lines, and every finding is in the SARIF report", strings.Join(parts, ", "), ghAnnotationsPerKind)
	}
	line := fmt.Sprintf("archvet: %s: %d passed the gate, %d failed, %d could not be evaluated", plural(s.sum.Files, "file", "files"), s.sum.GatePassed, s.sum.GateFailed, s.sum.Broken)
	if b := s.g.opts.Baseline; b != nil {
		line += "; " + b.Describe()
	}
	s.p.line("%s", line)
	if s.systemLine != "" {
		s.p.line("%s", s.systemLine)
	}
	if s.p.err != nil {
		return s.p.err
	}
	if s.summary != nil {
		if err := s.summary.Close(); err != nil {
			return err
		}
		return appendStepSummary(s.g.opts.StepSummary, s.summaryBuf.Bytes())
	}
	return nil
}

// appendStepSummary appends the job summary to the runner's file, which
// other steps write too; the Markdown report is already bounded to fit a
// comment (mdCommentBudget), far under GitHub's 1 MiB per step.
func appendStepSummary(path string, md []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("writing the job summary: %w", err)
	}
	if _, err := f.Write(append(md, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("writing the job summary: %w", err)
	}
	return f.Close()
}

// ghFileLine is a file's summary line for the log; every name in it is
// cleaned, so it cannot start a workflow command.
func ghFileLine(f checks.FileReport) string {
	if f.Broken {
		return fmt.Sprintf("archvet: %s could not be evaluated", displayPath(f.Path))
	}
	gate := "gate passed"
	if len(f.GateFailures) > 0 {
		gate = "gate failed: " + strings.Join(f.GateFailures, "; ")
	}
	return clean(fmt.Sprintf("archvet: %s (%s, tier %d): score %.1f/100%s, %s; %s", serviceName(f), f.Path, f.Tier, f.Scorecard.Overall.Score(), trustSuffix(f.Scorecard.Trust, ", "), f.Verdict, gate))
}

func ghLevel(s rules.Severity) string {
	switch s {
	case rules.Critical, rules.High:
		return "error"
	case rules.Medium:
		return "warning"
	}
	return "notice"
}

// ghCommand builds one workflow command. Positions are left out when
// unknown, so GitHub attaches the annotation to the file as a whole.
func ghCommand(cmd, file string, at *diag.Range, title, msg string) string {
	props := []string{"file=" + ghProperty(clean(file))}
	if at != nil {
		props = append(props, fmt.Sprintf("line=%d", at.Start.Line))
		if at.Start.Column > 0 {
			props = append(props, fmt.Sprintf("col=%d", at.Start.Column))
		}
	}
	props = append(props, "title="+ghProperty(clean(title)))
	return "::" + cmd + " " + strings.Join(props, ",") + "::" + ghData(cleanLines(msg))
}

// ghData escapes a command's message as the runner expects.
var ghDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a property value, which also may not hold the
// separators of the property list.
var ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }

package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/rules"
)

// githubFormatter writes GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request's diff, followed by a
// plain summary line per file for the log.
type githubFormatter struct{ opts Options }

func (g githubFormatter) Format(w io.Writer, rep checks.Report) error {
	return formatAll(g.Stream(w), rep)
}

// Stream writes each file's annotations as the file comes; the one-line
// summaries of the files, which follow every annotation, are kept until
// Close.
func (g githubFormatter) Stream(w io.Writer) Stream {
	return &githubStream{g: g, p: &printer{w: w}, sum: newSummary()}
}

type githubStream struct {
	g     githubFormatter
	p     *printer
	sum   JSONSummary
	lines []string
}

func (s *githubStream) File(f checks.FileReport) error {
	path := RelativePath(f.Path)
	for _, d := range f.Diagnostics {
		cmd := "error"
		if d.Severity == diag.Warning {
			cmd = "warning"
		}
		var at *diag.Range
		if d.Subject != nil && d.Subject.Start.Known() {
			at = d.Subject
		}
		s.p.line("%s", ghCommand(cmd, path, at, "archvet: input "+d.Severity.String(), d.Message()))
	}
	for _, r := range f.Results {
		if r.Rule == nil {
			continue
		}
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
			s.p.line("%s", ghCommand(cmd, path, at, title, msg))
		}
	}
	s.sum.add(f)
	s.lines = append(s.lines, ghFileLine(f))
	return s.p.err
}

func (s *githubStream) Close() error {
	for _, l := range s.lines {
		s.p.line("%s", l)
	}
	line := fmt.Sprintf("archvet: %s: %d passed the gate, %d failed, %d could not be evaluated", plural(s.sum.Files, "file", "files"), s.sum.GatePassed, s.sum.GateFailed, s.sum.Broken)
	if b := s.g.opts.Baseline; b != nil {
		line += "; " + b.Describe()
	}
	s.p.line("%s", line)
	return s.p.err
}

// ghFileLine is a file's summary line for the log.
func ghFileLine(f checks.FileReport) string {
	if f.Broken {
		return fmt.Sprintf("archvet: %s could not be evaluated", f.Path)
	}
	gate := "gate passed"
	if len(f.GateFailures) > 0 {
		gate = "gate failed: " + strings.Join(f.GateFailures, "; ")
	}
	return fmt.Sprintf("archvet: %s (%s, tier %d): score %.1f/100, %s; %s", serviceName(f), f.Path, f.Tier, f.Scorecard.Overall.Score(), f.Verdict, gate)
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
	props := []string{"file=" + ghProperty(file)}
	if at != nil {
		props = append(props, fmt.Sprintf("line=%d", at.Start.Line))
		if at.Start.Column > 0 {
			props = append(props, fmt.Sprintf("col=%d", at.Start.Column))
		}
	}
	props = append(props, "title="+ghProperty(title))
	return "::" + cmd + " " + strings.Join(props, ",") + "::" + ghData(msg)
}

// ghData escapes a command's message as the runner expects.
var ghDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a property value, which also may not hold the
// separators of the property list.
var ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }

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
	p := &printer{w: w}
	for _, f := range rep.Files {
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
			p.line("%s", ghCommand(cmd, path, at, "archvet: input "+d.Severity.String(), d.Summary))
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
					if g.opts.Baseline.state(f, r, i) == baselineNew {
						msg += " (new since the baseline)"
					}
					msg += "\nfix: " + oneLine(r.Rule.Remediation)
				}
				var at *diag.Range
				if fd.Location.Start.Known() {
					at = &fd.Location
				}
				p.line("%s", ghCommand(cmd, path, at, title, msg))
			}
		}
	}
	for _, f := range rep.Files {
		if f.Broken {
			p.line("archvet: %s could not be evaluated", f.Path)
			continue
		}
		gate := "gate passed"
		if len(f.GateFailures) > 0 {
			gate = "gate failed: " + strings.Join(f.GateFailures, "; ")
		}
		p.line("archvet: %s (%s, tier %d): score %.1f/100, %s; %s", serviceName(f), f.Path, f.Tier, f.Scorecard.Overall.Score(), f.Verdict, gate)
	}
	s := BuildWith(rep, g.opts).Summary
	line := fmt.Sprintf("archvet: %s: %d passed the gate, %d failed, %d could not be evaluated", plural(s.Files, "file", "files"), s.GatePassed, s.GateFailed, s.Broken)
	if b := g.opts.Baseline; b != nil {
		line += "; " + b.Describe()
	}
	p.line("%s", line)
	return p.err
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

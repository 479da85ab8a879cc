package report

import (
	"fmt"
	"io"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/rules"
)

// codeclimateFormatter writes the Code Climate issue list that GitLab
// reads as a code-quality report (artifacts:reports:codequality).
type codeclimateFormatter struct{ opts Options }

type ccIssue struct {
	Type        string     `json:"type"`
	CheckName   string     `json:"check_name"`
	Description string     `json:"description"`
	Content     *ccContent `json:"content,omitempty"`
	Categories  []string   `json:"categories"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    ccLocation `json:"location"`
}

type ccContent struct {
	Body string `json:"body"`
}

type ccLocation struct {
	Path  string  `json:"path"`
	Lines ccLines `json:"lines"`
}

type ccLines struct {
	Begin int `json:"begin"`
}

func (c codeclimateFormatter) Format(w io.Writer, rep checks.Report) error {
	return formatAll(c.Stream(w), rep)
}

// Stream writes the issue list a file at a time: each issue is an element
// of one JSON array, written as soon as its file is checked.
func (c codeclimateFormatter) Stream(w io.Writer) Stream {
	return &codeclimateStream{out: jsonWriter{w: w}}
}

type codeclimateStream struct {
	out    jsonWriter
	issues int
}

// ccInputCheck is the check name of a design review that could not be
// loaded: GitLab then shows the file's error at its position instead of
// showing nothing for it.
const ccInputCheck = "archvet/input-error"

func (s *codeclimateStream) File(f checks.FileReport) error {
	path := RelativePath(f.Path)
	if f.Broken {
		n := 0
		for _, d := range f.Diagnostics {
			if d.Severity != diag.Error {
				continue
			}
			line := 1
			desc := "the design review could not be evaluated: " + d.Message()
			if d.Subject != nil && d.Subject.Start.Known() {
				line = d.Subject.Start.Line
			} else {
				desc += " (position unknown)"
			}
			s.issue(ccIssue{
				Type: "issue", CheckName: ccInputCheck, Description: desc,
				Categories: []string{"Bug Risk"}, Fingerprint: Fingerprint(path, ccInputCheck, fmt.Sprint(n)), Severity: "blocker",
				Location: ccLocation{Path: RelativePath(diagPath(f.Path, d.Subject)), Lines: ccLines{Begin: line}},
			})
			n++
		}
		return s.out.err
	}
	seen := map[string]int{}
	for _, r := range f.Results {
		if r.Rule == nil {
			continue
		}
		for _, fd := range r.Findings {
			st := findingStatus(r, fd)
			fp := Fingerprint(path, r.Rule.ID, fd.Key)
			// GitLab keys issues by fingerprint, so repeats of the same
			// rule and field get a distinct, still stable, one.
			if n := seen[fp]; n > 0 {
				seen[fp]++
				fp = Fingerprint(path, r.Rule.ID, fmt.Sprintf("%s#%d", fd.Key, n))
			} else {
				seen[fp] = 1
			}
			desc := fmt.Sprintf("%s %s: %s", r.Rule.ID, r.Rule.Title, fd.Message)
			sev := ccSeverity(r.Rule.Severity)
			if st != checks.Fail {
				desc = statusLabel(st) + ": " + desc
				sev = "info"
			}
			line := fd.Location.Start.Line
			if line < 1 {
				// GitLab requires a line; the description says it is a guess.
				line = 1
				desc += " (position unknown)"
			}
			s.issue(ccIssue{
				Type: "issue", CheckName: r.Rule.ID, Description: desc,
				Content:    &ccContent{Body: oneLine(r.Rule.Remediation)},
				Categories: []string{ccCategory(r.Rule)}, Fingerprint: fp, Severity: sev,
				Location: ccLocation{Path: findingPath(f, fd), Lines: ccLines{Begin: line}},
			})
		}
	}
	return s.out.err
}

// issue writes one element of the array, as json.Encoder with a
// two-space indent writes it.
func (s *codeclimateStream) issue(is ccIssue) {
	if s.issues == 0 {
		s.out.raw("[\n  ")
	} else {
		s.out.raw(",\n  ")
	}
	s.issues++
	s.out.value(is, "  ")
}

func (s *codeclimateStream) Close() error {
	if s.issues == 0 {
		s.out.raw("[]\n")
	} else {
		s.out.raw("\n]\n")
	}
	return s.out.err
}

func ccSeverity(s rules.Severity) string {
	switch s {
	case rules.Critical:
		return "critical"
	case rules.High:
		return "major"
	case rules.Medium:
		return "minor"
	}
	return "info"
}

// ccCategory picks the closest of Code Climate's fixed categories.
func ccCategory(r *rules.Rule) string {
	if isSecurityRule(r) {
		return "Security"
	}
	for _, m := range r.Frameworks {
		if m.Category == "performance-efficiency" || m.Category == "capacity" {
			return "Performance"
		}
	}
	return "Bug Risk"
}

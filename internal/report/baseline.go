package report

import (
	"fmt"

	"github.com/archvet/archvet/checks"
)

// Baseline is how a run compares with a baseline file (archvet check
// --baseline). internal/baseline computes it, and has already applied it
// to the files' gates; the formats only show it.
type Baseline struct {
	// Path of the baseline file, as given on the command line.
	Path string
	// New counts findings absent from the baseline; Present those still
	// there; Fixed those in the baseline that this run no longer finds.
	New, Present, Fixed int
	// NewFindings marks which findings are new.
	NewFindings map[FindingRef]bool
}

// FindingRef names one finding of a run: the file, the rule, and the
// finding's index among the rule's findings on that file.
type FindingRef struct {
	Path  string
	Rule  string
	Index int
}

// Baseline states of a finding, as SARIF spells them.
const (
	baselineNew       = "new"
	baselineUnchanged = "unchanged"
)

// state says whether a failed finding is new or unchanged against the
// baseline, or "" when the run has no baseline or the result is not a
// failure.
func (b *Baseline) state(f checks.FileReport, r checks.RuleResult, i int) string {
	if b == nil || r.Status != checks.Fail || r.Rule == nil {
		return ""
	}
	if b.NewFindings[FindingRef{Path: f.Path, Rule: r.Rule.ID, Index: i}] {
		return baselineNew
	}
	return baselineUnchanged
}

// BuildWith is Build plus what the options add to the model: each
// finding's fingerprint, and its state against the run's baseline.
func BuildWith(rep checks.Report, opts Options) JSONReport {
	out := Build(rep)
	for fi := range out.Files {
		decorate(&out.Files[fi], opts)
	}
	out.Summary = summaryWith(out.Summary, opts)
	return out
}

// decorate adds to one file's model what the options add: fingerprints
// and baseline states.
func decorate(jf *JSONFile, opts Options) {
	b := opts.Baseline
	rel := RelativePath(jf.Path)
	seen := map[string]int{}
	for ri := range jf.Results {
		res := &jf.Results[ri]
		if res.Location == nil {
			continue
		}
		res.Fingerprint = Fingerprint(rel, res.Rule, res.Location.Key)
		i := seen[res.Rule]
		seen[res.Rule]++
		if b != nil && res.Status == checks.Fail {
			res.Baseline = baselineUnchanged
			if b.NewFindings[FindingRef{Path: jf.Path, Rule: res.Rule, Index: i}] {
				res.Baseline = baselineNew
			}
		}
	}
}

// summaryWith adds the baseline comparison, if any, to a run's summary.
func summaryWith(s JSONSummary, opts Options) JSONSummary {
	if b := opts.Baseline; b != nil {
		s.Baseline = &JSONBaseline{Path: b.Path, New: b.New, Present: b.Present, Fixed: b.Fixed}
	}
	return s
}

// Describe is the baseline comparison as one line for people.
func (b *Baseline) Describe() string {
	return fmt.Sprintf("against baseline %s: %d new finding(s), %d still present, %d fixed", b.Path, b.New, b.Present, b.Fixed)
}

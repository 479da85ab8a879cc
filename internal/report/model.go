package report

import (
	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/rules"
)

// This file is the documented, stable JSON shape of a report
// (docs/report-json.md). The other machine formats are derived from the
// same walk over the results, so they always agree with it.

// JSONReport is the top level of `archvet check --format json`.
type JSONReport struct {
	Files []JSONFile `json:"files"`
	// System is present when the run checked its reviews as one system
	// (system.go).
	System  *JSONSystem `json:"system,omitempty"`
	Summary JSONSummary `json:"summary"`
}

// JSONFile is one design review.
type JSONFile struct {
	Path    string `json:"path"`
	Format  string `json:"format,omitempty"`
	Service string `json:"service,omitempty"`
	Tier    *int   `json:"tier,omitempty"`
	// Config is the configuration file that applied, absent for none.
	Config string   `json:"config,omitempty"`
	Score  *float64 `json:"score"`
	// Completeness is the weighted share of the applicable rules the
	// design answers, 0 to 100; the rest are open questions.
	Completeness *float64 `json:"completeness,omitempty"`
	// Trust is the share of the review's checkable claims that its
	// artefacts verify (claims.go).
	Trust       *JSONTrust       `json:"trust,omitempty"`
	Verdict     string           `json:"verdict"`
	Gate        JSONGate         `json:"gate"`
	Maturity    *JSONMaturity    `json:"maturity,omitempty"`
	Frameworks  []JSONFramework  `json:"frameworks"`
	Diagnostics []JSONDiagnostic `json:"diagnostics"`
	// Claims is the claim ledger (claims.go).
	Claims  []JSONClaim  `json:"claims,omitempty"`
	Results []JSONResult `json:"results"`
}

// JSONGate says whether the file passed the CI gate and why not.
type JSONGate struct {
	Passed  bool     `json:"passed"`
	Reasons []string `json:"reasons"`
}

// JSONFramework is one framework's score.
type JSONFramework struct {
	ID         string         `json:"id"`
	Score      *float64       `json:"score"`
	Tally      checks.Tally   `json:"rules"`
	Trust      *JSONTrust     `json:"trust,omitempty"`
	Categories []JSONCategory `json:"categories"`
}

// JSONCategory is one category's score; score is null when no rule of the
// category applied.
type JSONCategory struct {
	ID    string       `json:"id"`
	Score *float64     `json:"score"`
	Tally checks.Tally `json:"rules"`
}

// JSONDiagnostic is a warning or error about the input itself.
type JSONDiagnostic struct {
	Severity string       `json:"severity"`
	Message  string       `json:"message"`
	Location JSONLocation `json:"location"`
}

// JSONResult is one rule outcome: one per passing or not-applicable rule,
// one per offending entry of a failing rule.
type JSONResult struct {
	Rule        string          `json:"rule"`
	Title       string          `json:"title"`
	Severity    rules.Severity  `json:"severity"`
	Status      checks.Status   `json:"status"`
	Frameworks  []rules.Mapping `json:"frameworks"`
	Message     string          `json:"message,omitempty"`
	Remediation string          `json:"remediation,omitempty"`
	Location    *JSONLocation   `json:"location,omitempty"`
	Waiver      *checks.Waiver  `json:"waiver,omitempty"`
	// Fingerprint identifies a finding across commits (see Fingerprint).
	Fingerprint string `json:"fingerprint,omitempty"`
	// Baseline is "new" or "unchanged" when the run has a baseline.
	Baseline string `json:"baseline,omitempty"`
	// Related are the other places that explain the finding: the other
	// review of a system finding, the design's claim of a finding shown
	// at an artefact.
	Related []JSONRelated `json:"related,omitempty"`
}

// JSONRelated is one related location of a finding.
type JSONRelated struct {
	Message  string       `json:"message"`
	Location JSONLocation `json:"location"`
}

// JSONMaturity is the highest maturity level whose rules all pass, and
// what blocks the next one.
type JSONMaturity struct {
	Level    string        `json:"level"`
	Next     string        `json:"next,omitempty"`
	Blockers []JSONBlocker `json:"blockers"`
}

// JSONBlocker is a rule to fix for the next level, with the points it is
// worth and the score it would add.
type JSONBlocker struct {
	Rule      string  `json:"rule"`
	Title     string  `json:"title"`
	Points    int     `json:"points"`
	ScoreGain float64 `json:"score_gain"`
}

// JSONLocation is where a finding points. Line and column are absent when
// the position could not be found; exact is false when the field is
// missing and the position is that of its nearest parent.
type JSONLocation struct {
	Path   string `json:"path"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Field  string `json:"field,omitempty"`
	// Key is Field with list entries by name: the finding's identity.
	Key   string `json:"key,omitempty"`
	Exact *bool  `json:"exact,omitempty"`
}

// JSONSummary totals the run.
type JSONSummary struct {
	Files      int            `json:"files"`
	Broken     int            `json:"broken"`
	GatePassed int            `json:"gate_passed"`
	GateFailed int            `json:"gate_failed"`
	Findings   map[string]int `json:"findings"`
	Waived     int            `json:"waived"`
	ExitCode   int            `json:"exit_code"`
	// Baseline is present when the run was compared with a baseline.
	Baseline *JSONBaseline `json:"baseline,omitempty"`
}

// JSONBaseline counts findings against the baseline: new ones (which alone
// fail the gate), ones still present, and ones fixed since.
type JSONBaseline struct {
	Path    string `json:"path"`
	New     int    `json:"new"`
	Present int    `json:"present"`
	Fixed   int    `json:"fixed"`
}

// Build converts a report to its JSON model.
func Build(rep checks.Report) JSONReport {
	out := JSONReport{Files: make([]JSONFile, 0, len(rep.Files)), Summary: newSummary()}
	for _, f := range rep.Files {
		out.Files = append(out.Files, buildFile(f))
		out.Summary.add(f)
	}
	if rep.System != nil {
		out.System = &buildSystem(rep.System).json
	}
	return out
}

func buildFile(f checks.FileReport) JSONFile {
	jf := JSONFile{
		Path:        f.Path,
		Format:      string(f.Format),
		Service:     f.Service,
		Config:      f.Config,
		Frameworks:  []JSONFramework{},
		Diagnostics: []JSONDiagnostic{},
		Results:     []JSONResult{},
		Gate:        JSONGate{Passed: !f.Broken && len(f.GateFailures) == 0, Reasons: append([]string{}, f.GateFailures...)},
	}
	for _, d := range f.Diagnostics {
		jf.Diagnostics = append(jf.Diagnostics, JSONDiagnostic{Severity: d.Severity.String(), Message: d.Message(), Location: locationOf(f.Path, d.Subject)})
	}
	if f.Broken {
		jf.Verdict = "error"
		jf.Gate.Reasons = append(jf.Gate.Reasons, "the file could not be evaluated")
		return jf
	}
	tier := f.Tier
	jf.Tier = &tier
	jf.Score = score(f.Scorecard.Overall)
	c := f.Scorecard.Overall.Completeness()
	jf.Completeness = &c
	jf.Verdict = string(f.Verdict)
	for _, fw := range f.Scorecard.Frameworks {
		jfw := JSONFramework{ID: fw.ID, Score: score(fw.Tally), Tally: fw.Tally, Categories: []JSONCategory{}}
		for _, c := range fw.Categories {
			jfw.Categories = append(jfw.Categories, JSONCategory{ID: c.ID, Score: score(c.Tally), Tally: c.Tally})
		}
		jf.Frameworks = append(jf.Frameworks, jfw)
	}
	m := JSONMaturity{Level: f.Maturity.Level, Next: f.Maturity.Next, Blockers: []JSONBlocker{}}
	for _, b := range f.Maturity.Blockers {
		m.Blockers = append(m.Blockers, JSONBlocker{Rule: b.Rule.ID, Title: b.Rule.Title, Points: b.Points, ScoreGain: b.ScoreGain})
	}
	jf.Maturity = &m
	addTrust(&jf, f)
	for _, r := range f.Results {
		base := JSONResult{Rule: r.Rule.ID, Title: r.Rule.Title, Severity: r.Rule.Severity, Status: r.Status, Frameworks: r.Rule.Frameworks}
		if len(r.Findings) == 0 {
			jf.Results = append(jf.Results, base)
			continue
		}
		for _, fd := range r.Findings {
			res := base
			res.Status = checks.Fail
			if r.Status == checks.Unanswered {
				res.Status = checks.Unanswered
			}
			if fd.IsWaived() {
				res.Status = checks.Waived
			}
			res.Waiver = fd.Waiver
			res.Message = fd.Message
			res.Remediation = r.Rule.Remediation
			loc := locationOf(f.Path, &fd.Location)
			loc.Field, loc.Key = fd.Field, fd.Key
			exact := fd.Exact
			loc.Exact = &exact
			res.Location = &loc
			for _, rl := range fd.Related {
				res.Related = append(res.Related, JSONRelated{Message: rl.Message, Location: locationOf(f.Path, &rl.Location)})
			}
			jf.Results = append(jf.Results, res)
		}
	}
	return jf
}

func score(t checks.Tally) *float64 {
	if !t.Applicable() {
		return nil
	}
	s := t.Score()
	return &s
}

func locationOf(file string, r *diag.Range) JSONLocation {
	loc := JSONLocation{Path: file}
	if r != nil {
		if r.Filename != "" {
			loc.Path = r.Filename
		}
		loc.Line, loc.Column = r.Start.Line, r.Start.Column
	}
	return loc
}

package checks

import (
	"strings"

	"github.com/archvet/archvet/rules"
)

// Profile is what an organisation's configuration changes for services of
// one tier: rules switched off, severities overridden, gate thresholds.
type Profile struct {
	Disabled         map[string]bool
	Severity         map[string]rules.Severity
	FailOn           *rules.Severity
	FailOnUnanswered *rules.Severity
	MinScore         *float64
	MinCompleteness  *float64
	// RequireVerified, when not nil, replaces the gate's claim categories
	// that must be verified (an empty list requires none).
	RequireVerified []string
}

// apply filters and re-grades results for a tier. Rules are copied before
// a severity changes, because the catalogue is shared by every file.
func (p Profile) apply(results []RuleResult) []RuleResult {
	out := results[:0]
	for _, r := range results {
		id := strings.ToUpper(r.Rule.ID)
		if p.Disabled[id] {
			continue
		}
		if sev, ok := p.Severity[id]; ok && sev != r.Rule.Severity {
			cp := *r.Rule
			// The organisation's severity wins over the rule's own
			// per-tier severities.
			cp.Severity, cp.TierSeverity = sev, nil
			r.Rule = &cp
		}
		out = append(out, r)
	}
	return out
}

// gate returns the gate for a tier: the profile's thresholds where it sets
// them, the run's elsewhere.
func (p Profile) gate(g Gate) Gate {
	if p.FailOn != nil {
		g.FailOn = *p.FailOn
	}
	if p.FailOnUnanswered != nil {
		g.FailOnUnanswered = *p.FailOnUnanswered
	}
	if p.MinCompleteness != nil {
		g.MinCompleteness = *p.MinCompleteness
	}
	if p.MinScore != nil {
		g.MinScore = *p.MinScore
	}
	if p.RequireVerified != nil {
		g.RequireVerified, g.VerifiedWithArtefacts = p.RequireVerified, false
	}
	return g
}

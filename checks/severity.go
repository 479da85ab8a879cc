package checks

import "github.com/archvet/archvet/rules"

// questionCap is the most an open question can weigh at each tier. Not
// knowing is never critical: critical is kept for stated failures of the
// services that matter most, and a prototype's open questions are low.
var questionCap = [rules.Tiers]rules.Severity{rules.High, rules.High, rules.Medium, rules.Low}

// failureCap is the most a stated failure can weigh at each tier: a
// critical finding means a likely outage, loss or breach of a critical
// service, so tiers 2 and 3 top out at high.
var failureCap = [rules.Tiers]rules.Severity{rules.Critical, rules.Critical, rules.High, rules.High}

// SeverityOf is what one rule's outcome weighs for a service of a tier:
// the rule's severity at that tier (custom.tier_severity, or the
// configuration's override), capped by the status.
func SeverityOf(r *rules.Rule, status Status, tier int) rules.Severity {
	tier = min(max(tier, 0), rules.Tiers-1)
	sev := r.SeverityAt(tier)
	switch status {
	case Unanswered:
		sev = min(sev, questionCap[tier])
	default:
		sev = min(sev, failureCap[tier])
	}
	return sev
}

// gradeForTier gives each result the severity it has for this file. The
// catalogue's rules are shared by every file, so a rule whose severity
// changes is copied.
func gradeForTier(results []RuleResult, tier int) {
	for i, res := range results {
		sev := SeverityOf(res.Rule, res.Status, tier)
		if sev != res.Rule.Severity || len(res.Rule.TierSeverity) > 0 {
			cp := *res.Rule
			cp.Severity, cp.TierSeverity = sev, nil
			results[i].Rule = &cp
		}
	}
}

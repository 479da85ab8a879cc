package checks

import (
	"fmt"
	"strings"

	"github.com/archvet/archvet/rules"
)

// Verdict is the readiness level a reviewer reads first.
type Verdict string

const (
	Ready       Verdict = "ready"
	Conditional Verdict = "conditional"
	NotReady    Verdict = "not-ready"
)

// Score and completeness bands of the verdict (docs/scoring.md).
const (
	readyScore              = 90
	conditionalScore        = 75
	readyCompleteness       = 80
	conditionalCompleteness = 50
)

// Describe is the verdict as a sentence for humans.
func (v Verdict) Describe() string {
	switch v {
	case Ready:
		return "ready for production"
	case Conditional:
		return "conditionally ready: fix or waive the high-severity findings before launch"
	}
	return "not ready for production"
}

// Judge turns a scorecard into a verdict. The score and the
// completeness each set a band and the lower one wins; then failures and
// open questions cap it: one critical failure means not ready, one high
// failure means at most conditional, and so does a high-severity open
// question at tier 0 or 1, however high the score. A file on which no
// rule applied at all proves nothing and is not ready.
func Judge(sc Scorecard) Verdict {
	if !sc.Overall.Evaluated() {
		return NotReady
	}
	v := band(sc.Overall.Score(), readyScore, conditionalScore)
	v = lower(v, band(sc.Overall.Completeness(), readyCompleteness, conditionalCompleteness))
	if sc.Failures[rules.High] > 0 {
		v = lower(v, Conditional)
	}
	if sc.Tier <= 1 && sc.Questions[rules.High] > 0 {
		v = lower(v, Conditional)
	}
	if sc.Failures[rules.Critical] > 0 {
		v = NotReady
	}
	return v
}

func band(value, ready, conditional float64) Verdict {
	switch {
	case value >= ready:
		return Ready
	case value >= conditional:
		return Conditional
	}
	return NotReady
}

var verdictRank = map[Verdict]int{NotReady: 0, Conditional: 1, Ready: 2}

func lower(a, b Verdict) Verdict {
	if verdictRank[b] < verdictRank[a] {
		return b
	}
	return a
}

// Gate decides the exit code of a CI run.
type Gate struct {
	// FailOn is the lowest severity of a failed rule that fails the gate;
	// zero disables it.
	FailOn rules.Severity
	// FailOnUnanswered is the lowest severity of an open question that
	// fails the gate; zero disables it.
	FailOnUnanswered rules.Severity
	// MinScore fails the gate when a file scores below it.
	MinScore float64
	// MinCompleteness fails the gate when a file answers less than this
	// share (percent) of the applicable rules.
	MinCompleteness float64
	// RequireVerified lists claim categories (backups, replicas,
	// authentication...) whose every claim must be verified by an
	// artefact: an unverified or contradicted one fails the gate (see
	// ClaimMatches).
	RequireVerified []string
	// VerifiedWithArtefacts limits each category of RequireVerified to
	// reviews whose repository has the artefacts that can verify it (the
	// tier-0 default, see verifiedBy): backups need Terraform, replicas
	// Terraform or manifests, authentication an API spec. A review
	// without them shows its claims unverified in the trust figure, and
	// only an explicit requirement holds them against the gate.
	VerifiedWithArtefacts bool
}

// DefaultTierGates are the gates a run uses when neither the command line
// nor the configuration sets one: a tier-0 service fails on a medium
// failure or a high open question, tier 1 on a high failure or a high
// open question, tiers 2 and 3 on a high failure; and a design that
// answers less than half of what applies to it (tiers 0 to 2) fails too,
// since a design that says little must not pass for saying little
// (docs/scoring.md).
func DefaultTierGates() map[int]Gate {
	return map[int]Gate{
		0: {FailOn: rules.Medium, FailOnUnanswered: rules.High, MinCompleteness: conditionalCompleteness, RequireVerified: DefaultTier0Verified, VerifiedWithArtefacts: true},
		1: {FailOn: rules.High, FailOnUnanswered: rules.High, MinCompleteness: conditionalCompleteness},
		2: {FailOn: rules.High, MinCompleteness: conditionalCompleteness},
		3: {FailOn: rules.High},
	}
}

// Check returns the reasons a file fails the gate; none means it passed.
func (g Gate) Check(sc Scorecard) []string {
	var why []string
	if n := atOrAbove(sc.Failures, g.FailOn); n > 0 {
		why = append(why, fmt.Sprintf("%d failed rule(s) at severity %s or above", n, g.FailOn))
	}
	if n := atOrAbove(sc.Questions, g.FailOnUnanswered); n > 0 {
		why = append(why, fmt.Sprintf("%d open question(s) at severity %s or above", n, g.FailOnUnanswered))
	}
	if c := sc.Overall.Completeness(); c < g.MinCompleteness {
		why = append(why, fmt.Sprintf("completeness %.1f%% is below the minimum %.1f%%", c, g.MinCompleteness))
	}
	if score := sc.Overall.Score(); score < g.MinScore {
		why = append(why, fmt.Sprintf("score %.1f is below the minimum %.1f", score, g.MinScore))
	}
	return why
}

// CheckClaims returns the reasons a file's claim ledger fails the gate's
// verification requirement; none means it passed.
func (g Gate) CheckClaims(ledger []Claim, read map[string]any) []string {
	categories := g.RequireVerified
	if g.VerifiedWithArtefacts {
		categories = nil
		for _, cat := range g.RequireVerified {
			if canVerify(cat, read) {
				categories = append(categories, cat)
			}
		}
	}
	return checkVerified(categories, ledger)
}

// verifiedBy names the artefact kinds that can verify each default
// category. A category not listed needs any artefact.
var verifiedBy = map[string][]string{
	"backups":        {"terraform"},
	"replicas":       {"terraform", "kubernetes"},
	"authentication": {"openapi"},
}

// canVerify reports whether the artefacts read for a review hold a kind
// that speaks to the category.
func canVerify(category string, read map[string]any) bool {
	kinds, ok := verifiedBy[strings.ToLower(category)]
	if !ok {
		return len(read) > 0
	}
	for _, k := range kinds {
		if read[k] != nil {
			return true
		}
	}
	return false
}

// atOrAbove counts the rules at severity floor or above; a zero floor (the
// gate switched off) counts none.
func atOrAbove(counts map[rules.Severity]int, floor rules.Severity) int {
	if floor == 0 {
		return 0
	}
	n := 0
	for sev, count := range counts {
		if sev >= floor {
			n += count
		}
	}
	return n
}

package checks

import (
	"math"

	"github.com/archvet/archvet/rules"
)

// tierFactor scales what a failure costs by the service's tier, so the
// same stated failures always cost a tier-0 service at least as much as
// a tier-3 one (docs/scoring.md).
var tierFactor = [rules.Tiers]float64{1.0, 0.8, 0.6, 0.4}

// Penalty is the points a failed rule of this severity takes off the
// score of a service of this tier: half its weight at tier 0, less at
// lower tiers.
func Penalty(sev rules.Severity, tier int) float64 {
	tier = min(max(tier, 0), rules.Tiers-1)
	return float64(sev.Weight()) / 2 * tierFactor[tier]
}

// Tally counts rules and points for one scope: a category, a framework or
// the whole file. Weights come from severities (see docs/scoring.md).
type Tally struct {
	// Earned and Possible are the weights of the passed rules and of the
	// answered ones (passed or failed).
	Earned   int `json:"earned"`
	Possible int `json:"possible"`
	// Lost is the penalty of the failed rules, which the score subtracts.
	Lost          float64 `json:"lost"`
	Passed        int     `json:"passed"`
	Failed        int     `json:"failed"`
	Unanswered    int     `json:"unanswered"`
	NotApplicable int     `json:"not_applicable"`
	// UnansweredWeight is the weight of the open questions; completeness
	// is the share of applicable weight that is answered.
	UnansweredWeight int `json:"unanswered_weight"`
	// Waived rules are scored in their own bucket: their points are
	// neither earned nor lost, and WaivedPoints says how many. A waived
	// rule counts as answered: the design said something, and the risk
	// was accepted.
	Waived       int `json:"waived"`
	WaivedPoints int `json:"waived_points"`
}

func (t *Tally) add(res RuleResult, tier int) {
	w := res.Rule.Severity.Weight()
	switch res.Status {
	case Pass:
		t.Passed++
		t.Earned += w
		t.Possible += w
	case Fail:
		t.Failed++
		t.Possible += w
		t.Lost += Penalty(res.Rule.Severity, tier)
	case Unanswered:
		t.Unanswered++
		t.UnansweredWeight += w
	case NotApplicable:
		t.NotApplicable++
	case Waived:
		t.Waived++
		t.WaivedPoints += w
	}
}

// Score is 100 less the penalties of the failed rules, floored at 0,
// with one decimal. It judges only what the design answered: open
// questions are counted by Completeness instead. A scope where no rule
// was answered has no score; it reports 100 only because nothing was
// found wanting, and Applicable says so.
func (t Tally) Score() float64 {
	return math.Round(10*max(0, 100-t.Lost)) / 10
}

// Completeness is the weighted share of the applicable rules that the
// design answers (passed, failed or waived), 0 to 100 with one decimal;
// 100 when nothing applies.
func (t Tally) Completeness() float64 {
	answered := t.Possible + t.WaivedPoints
	all := answered + t.UnansweredWeight
	if all == 0 {
		return 100
	}
	return math.Round(1000*float64(answered)/float64(all)) / 10
}

// Applicable reports whether any rule in the scope was answered, so that
// the scope has a score.
func (t Tally) Applicable() bool { return t.Passed+t.Failed > 0 }

// Evaluated reports whether any rule in the scope applied at all.
func (t Tally) Evaluated() bool { return t.Passed+t.Failed+t.Unanswered+t.Waived > 0 }

// CategoryScore is one factor, pillar or principle.
type CategoryScore struct {
	ID string
	Tally
}

// FrameworkScore is one framework with its categories, in the order the
// framework defines them.
type FrameworkScore struct {
	ID         string
	Name       string
	Categories []CategoryScore
	Tally
	// Trust counts the claims of the framework's rules (see Trust).
	Trust Trust
}

// Scorecard is a file's scores at every level.
type Scorecard struct {
	// Tier is the service tier the results were graded for.
	Tier       int
	Overall    Tally
	Frameworks []FrameworkScore
	// Failures counts failed rules by severity, for the verdict and gate.
	Failures map[rules.Severity]int
	// Questions counts unanswered rules by severity.
	Questions map[rules.Severity]int
	// Trust counts the file's claims checked against its artefacts:
	// verified, contradicted and all (AddTrust fills it).
	Trust Trust
}

// ScoreResults computes the scorecard of a tier-0 service: the strictest
// reading, for callers that do not know the tier.
func ScoreResults(results []RuleResult) Scorecard { return ScoreResultsAt(results, 0) }

// ScoreResultsAt computes the scorecard for a service of a tier. A rule
// counts once overall and once in each framework it maps to, even if
// several entries failed it.
func ScoreResultsAt(results []RuleResult, tier int) Scorecard {
	sc := Scorecard{Tier: tier, Failures: map[rules.Severity]int{}, Questions: map[rules.Severity]int{}}
	for _, fw := range rules.Frameworks {
		fs := FrameworkScore{ID: fw.ID, Name: fw.Name}
		for _, cat := range fw.Categories {
			cs := CategoryScore{ID: cat}
			for _, res := range results {
				for _, m := range res.Rule.Frameworks {
					if m.Framework == fw.ID && m.Category == cat {
						cs.add(res, tier)
					}
				}
			}
			fs.Categories = append(fs.Categories, cs)
		}
		for _, res := range results {
			if res.Rule.In(fw.ID) {
				fs.add(res, tier)
			}
		}
		sc.Frameworks = append(sc.Frameworks, fs)
	}
	for _, res := range results {
		sc.Overall.add(res, tier)
		switch res.Status {
		case Fail:
			sc.Failures[res.Rule.Severity]++
		case Unanswered:
			sc.Questions[res.Rule.Severity]++
		}
	}
	return sc
}

package checks

import (
	"math"

	"github.com/archvet/archvet/rules"
)

// Tally counts rules and points for one scope: a category, a framework or
// the whole file. Points come from severity weights (see docs/scoring.md).
type Tally struct {
	Earned        int `json:"earned"`
	Possible      int `json:"possible"`
	Passed        int `json:"passed"`
	Failed        int `json:"failed"`
	NotApplicable int `json:"not_applicable"`
	// Waived rules are scored in their own bucket: their points are
	// neither earned nor possible, and WaivedPoints says how many.
	Waived       int `json:"waived"`
	WaivedPoints int `json:"waived_points"`
}

func (t *Tally) add(res RuleResult) {
	w := res.Rule.Severity.Weight()
	switch res.Status {
	case Pass:
		t.Passed++
		t.Earned += w
		t.Possible += w
	case Fail:
		t.Failed++
		t.Possible += w
	case NotApplicable:
		t.NotApplicable++
	case Waived:
		t.Waived++
		t.WaivedPoints += w
	}
}

// Score is the share of applicable points earned, 0 to 100 with one
// decimal. A scope where no rule applies has no score; it reports 100 only
// because nothing was found wanting, and Applicable says so.
func (t Tally) Score() float64 {
	if t.Possible == 0 {
		return 100
	}
	return math.Round(1000*float64(t.Earned)/float64(t.Possible)) / 10
}

// Applicable reports whether any rule in the scope applied.
func (t Tally) Applicable() bool { return t.Passed+t.Failed > 0 }

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
}

// Scorecard is a file's scores at every level.
type Scorecard struct {
	Overall    Tally
	Frameworks []FrameworkScore
	// Failures counts failed rules by severity, for the verdict and gate.
	Failures map[rules.Severity]int
}

// ScoreResults computes the scorecard. A rule counts once overall and once
// in each framework it maps to, even if several entries failed it.
func ScoreResults(results []RuleResult) Scorecard {
	sc := Scorecard{Failures: map[rules.Severity]int{}}
	for _, fw := range rules.Frameworks {
		fs := FrameworkScore{ID: fw.ID, Name: fw.Name}
		for _, cat := range fw.Categories {
			cs := CategoryScore{ID: cat}
			for _, res := range results {
				for _, m := range res.Rule.Frameworks {
					if m.Framework == fw.ID && m.Category == cat {
						cs.add(res)
					}
				}
			}
			fs.Categories = append(fs.Categories, cs)
		}
		for _, res := range results {
			if res.Rule.In(fw.ID) {
				fs.add(res)
			}
		}
		sc.Frameworks = append(sc.Frameworks, fs)
	}
	for _, res := range results {
		sc.Overall.add(res)
		if res.Status == Fail {
			sc.Failures[res.Rule.Severity]++
		}
	}
	return sc
}

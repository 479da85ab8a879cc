package checks

import (
	"fmt"

	"github.com/archvet/archvet/rules"
)

// Verdict is the readiness level a reviewer reads first.
type Verdict string

const (
	Ready       Verdict = "ready"
	Conditional Verdict = "conditional"
	NotReady    Verdict = "not-ready"
)

// Score bands of the verdict (docs/scoring.md).
const (
	readyScore       = 90
	conditionalScore = 75
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

// Judge turns a scorecard into a verdict. The percentage sets the band,
// then failures cap it: one critical failure means not ready and one high
// failure means at most conditional, however high the score.
func Judge(sc Scorecard) Verdict {
	score := sc.Overall.Score()
	v := NotReady
	switch {
	case score >= readyScore:
		v = Ready
	case score >= conditionalScore:
		v = Conditional
	}
	if sc.Failures[rules.High] > 0 && v == Ready {
		v = Conditional
	}
	if sc.Failures[rules.Critical] > 0 {
		v = NotReady
	}
	return v
}

// Gate decides the exit code of a CI run.
type Gate struct {
	// FailOn is the lowest severity that fails the gate; zero disables it.
	FailOn rules.Severity
	// MinScore fails the gate when a file scores below it.
	MinScore float64
}

// Check returns the reasons a file fails the gate; none means it passed.
func (g Gate) Check(sc Scorecard) []string {
	var why []string
	if g.FailOn > 0 {
		n := 0
		for sev, count := range sc.Failures {
			if sev >= g.FailOn {
				n += count
			}
		}
		if n > 0 {
			why = append(why, fmt.Sprintf("%d failed rule(s) at severity %s or above", n, g.FailOn))
		}
	}
	if score := sc.Overall.Score(); score < g.MinScore {
		why = append(why, fmt.Sprintf("score %.1f is below the minimum %.1f", score, g.MinScore))
	}
	return why
}

package checks

import (
	"math"

	"github.com/archvet/archvet/rules"
)

// Absent is the maturity of a service whose most basic rules do not all pass.
const Absent = "absent"

// Maturity is the highest level whose rules all pass, in the manner of
// service-maturity scorecards, and what stands between the service and the
// next level.
type Maturity struct {
	Level string
	// Next is the level above, empty at the top of the ladder.
	Next     string
	Blockers []Blocker
}

// Blocker is a failed rule that keeps the service from the next level.
type Blocker struct {
	Rule *rules.Rule
	// Points the rule is worth, and the score gain if it alone were fixed.
	Points    int
	ScoreGain float64
}

// Assess computes maturity. Waived and not-applicable rules do not block a
// level: a waiver is an accepted risk, and a rule that does not apply asks
// nothing of the service.
func Assess(results []RuleResult, sc Scorecard) Maturity {
	rank := map[string]int{}
	for i, l := range rules.Levels {
		rank[l] = i
	}
	lowestFailing := len(rules.Levels)
	for _, r := range results {
		if r.Status == Fail && rank[r.Rule.Level] < lowestFailing {
			lowestFailing = rank[r.Rule.Level]
		}
	}
	m := Maturity{Level: Absent}
	if lowestFailing > 0 {
		m.Level = rules.Levels[lowestFailing-1]
	}
	if lowestFailing == len(rules.Levels) {
		return m
	}
	m.Next = rules.Levels[lowestFailing]
	before := sc.Overall.Score()
	for _, r := range results {
		if r.Status != Fail || rank[r.Rule.Level] > lowestFailing {
			continue
		}
		w := r.Rule.Severity.Weight()
		after := math.Round(10*math.Max(0, math.Min(100, 100-(sc.Overall.Lost-Penalty(r.Rule.Severity, sc.Tier))))) / 10
		gain := math.Round(10*(after-before)) / 10
		m.Blockers = append(m.Blockers, Blocker{Rule: r.Rule, Points: w, ScoreGain: gain})
	}
	return m
}

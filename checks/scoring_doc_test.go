package checks

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/archvet/archvet/rules"
)

// TestScoringDocWorkedExample reads the worked example of docs/scoring.md
// and checks every figure it states, so the document cannot drift from
// the scoring code.
func TestScoringDocWorkedExample(t *testing.T) {
	b, err := os.ReadFile("../docs/scoring.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	example := doc[strings.Index(doc, "## Worked example"):]
	row := regexp.MustCompile(`(?m)^\| (R\d+) \| (\w+) \| (\w+) \| ([^|]+) \|$`)
	var results []RuleResult
	for _, m := range row.FindAllStringSubmatch(example, -1) {
		sev, err := rules.ParseSeverity(m[2])
		if err != nil {
			t.Fatal(err)
		}
		r := &rules.Rule{ID: m[1], Severity: sev}
		for _, fc := range strings.Split(m[4], ",") {
			fw, cat, _ := strings.Cut(strings.TrimSpace(fc), ":")
			r.Frameworks = append(r.Frameworks, rules.Mapping{Framework: fw, Category: cat})
		}
		results = append(results, RuleResult{Rule: r, Status: Status(m[3])})
	}
	if len(results) != 8 {
		t.Fatalf("parsed %d rows of the worked example, want 8", len(results))
	}
	tier := regexp.MustCompile(`(?m)^Tier: (\d)$`).FindStringSubmatch(example)
	if tier == nil {
		t.Fatal("the worked example names no tier")
	}
	n, _ := strconv.Atoi(tier[1])
	sc := ScoreResultsAt(results, n)

	overall := regexp.MustCompile(`Overall score: ([\d.]+)`).FindStringSubmatch(example)
	if got := sc.Overall.Score(); overall == nil || strconv.FormatFloat(got, 'f', 1, 64) != overall[1] {
		t.Errorf("overall score: doc says %v, scoring gives %.1f", overall, got)
	}
	complete := regexp.MustCompile(`Overall completeness: ([\d.]+)`).FindStringSubmatch(example)
	if got := sc.Overall.Completeness(); complete == nil || strconv.FormatFloat(got, 'f', 1, 64) != complete[1] {
		t.Errorf("overall completeness: doc says %v, scoring gives %.1f", complete, got)
	}
	scope := regexp.MustCompile(`(?m)^- ([a-z-]+)(?: ([a-z-]+))?: lost ([\d.]+), score ([\d.]+), completeness ([\d.]+)$`)
	checked := 0
	for _, m := range scope.FindAllStringSubmatch(example, -1) {
		var tally Tally
		for _, fw := range sc.Frameworks {
			if fw.ID != m[1] {
				continue
			}
			tally = fw.Tally
			for _, c := range fw.Categories {
				if m[2] != "" && c.ID == m[2] {
					tally = c.Tally
				}
			}
		}
		f := func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
		got := f(tally.Lost) + " " + f(tally.Score()) + " " + f(tally.Completeness())
		want := m[3] + " " + m[4] + " " + m[5]
		if got != want {
			t.Errorf("%s %s: doc says %s, scoring gives %s", m[1], m[2], want, got)
		}
		checked++
	}
	if checked != 5 {
		t.Errorf("checked %d scope lines, want 5", checked)
	}
	verdict := regexp.MustCompile(`Verdict: ([a-z-]+)`).FindStringSubmatch(example)
	if got := Judge(sc); verdict == nil || string(got) != verdict[1] {
		t.Errorf("verdict: doc says %v, Judge gives %s", verdict, got)
	}
	if sc.Overall.NotApplicable != 1 || sc.Overall.Unanswered != 1 {
		t.Errorf("not applicable %d, unanswered %d: want 1 each", sc.Overall.NotApplicable, sc.Overall.Unanswered)
	}
}

func TestVerdictCaps(t *testing.T) {
	mk := func(sev rules.Severity, st Status) RuleResult {
		return RuleResult{Rule: &rules.Rule{Severity: sev}, Status: st}
	}
	var many []RuleResult
	for i := 0; i < 100; i++ {
		many = append(many, mk(rules.Critical, Pass))
	}
	cases := []struct {
		name string
		add  []RuleResult
		want Verdict
		tier int
	}{
		{"all pass", nil, Ready, 0},
		{"one low failure keeps ready", []RuleResult{mk(rules.Low, Fail)}, Ready, 0},
		{"one high failure caps at conditional", []RuleResult{mk(rules.High, Fail)}, Conditional, 3},
		{"one critical failure caps at not ready", []RuleResult{mk(rules.Critical, Fail)}, NotReady, 3},
		{"a high open question caps tier 1 at conditional", []RuleResult{mk(rules.High, Unanswered)}, Conditional, 1},
		{"a high open question leaves tier 2 ready", []RuleResult{mk(rules.High, Unanswered)}, Ready, 2},
		{"a medium open question leaves tier 0 ready", []RuleResult{mk(rules.Medium, Unanswered)}, Ready, 0},
	}
	for _, c := range cases {
		sc := ScoreResultsAt(append(append([]RuleResult{}, many...), c.add...), c.tier)
		if sc.Overall.Score() < 90 || sc.Overall.Completeness() < 99 {
			t.Fatalf("%s: score %.1f, completeness %.1f; want the bands at ready for the cap to matter", c.name, sc.Overall.Score(), sc.Overall.Completeness())
		}
		if got := Judge(sc); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}

// TestCompletenessBands: a design that answers little cannot be ready,
// whatever its score.
func TestCompletenessBands(t *testing.T) {
	mk := func(n int, st Status) []RuleResult {
		var out []RuleResult
		for range n {
			out = append(out, RuleResult{Rule: &rules.Rule{Severity: rules.Medium}, Status: st})
		}
		return out
	}
	for _, c := range []struct {
		answered, open int
		want           Verdict
	}{
		{80, 20, Ready},
		{79, 21, Conditional},
		{50, 50, Conditional},
		{49, 51, NotReady},
		{0, 10, NotReady},
	} {
		sc := ScoreResultsAt(append(mk(c.answered, Pass), mk(c.open, Unanswered)...), 2)
		if got := Judge(sc); got != c.want {
			t.Errorf("%d answered, %d open (completeness %.1f): got %s, want %s", c.answered, c.open, sc.Overall.Completeness(), got, c.want)
		}
	}
	if got := Judge(ScoreResultsAt(nil, 0)); got != NotReady {
		t.Errorf("no rule evaluated: got %s, want not-ready", got)
	}
}

// TestSameGapsNeverScoreHigherAtTierZero: the score does not dilute with
// the number of passing rules, and a failure costs more at a more
// critical tier.
func TestSameGapsNeverScoreHigherAtTierZero(t *testing.T) {
	gaps := []RuleResult{
		{Rule: &rules.Rule{Severity: rules.Medium}, Status: Fail},
		{Rule: &rules.Rule{Severity: rules.Medium}, Status: Fail},
	}
	prev := -1.0
	for tier := 0; tier < rules.Tiers; tier++ {
		passes := 60 - 15*tier // more rules apply at tier 0
		var results []RuleResult
		for range passes {
			results = append(results, RuleResult{Rule: &rules.Rule{Severity: rules.High}, Status: Pass})
		}
		score := ScoreResultsAt(append(results, gaps...), tier).Overall.Score()
		if score < prev {
			t.Errorf("tier %d scores %.1f, below tier %d's %.1f", tier, score, tier-1, prev)
		}
		prev = score
	}
}

func TestQuestionsAreNeverCritical(t *testing.T) {
	r := &rules.Rule{Severity: rules.Critical}
	for tier, want := range []rules.Severity{rules.High, rules.High, rules.Medium, rules.Low} {
		if got := SeverityOf(r, Unanswered, tier); got != want {
			t.Errorf("tier %d: an open question of a critical rule is %s, want %s", tier, got, want)
		}
	}
	if got := SeverityOf(r, Fail, 0); got != rules.Critical {
		t.Errorf("a stated critical failure at tier 0 is %s", got)
	}
	if got := SeverityOf(r, Fail, 2); got != rules.High {
		t.Errorf("a stated critical failure at tier 2 is %s, want high", got)
	}
}

func TestGate(t *testing.T) {
	sc := ScoreResults([]RuleResult{
		{Rule: &rules.Rule{Severity: rules.Medium}, Status: Fail},
		{Rule: &rules.Rule{Severity: rules.High}, Status: Pass},
	})
	if why := (Gate{FailOn: rules.High}).Check(sc); len(why) != 0 {
		t.Errorf("a medium failure failed a high gate: %v", why)
	}
	if why := (Gate{FailOn: rules.Medium}).Check(sc); len(why) != 1 {
		t.Errorf("a medium failure passed a medium gate")
	}
	if why := (Gate{MinScore: 96}).Check(sc); len(why) != 1 {
		t.Errorf("score %.1f passed --min-score 96", sc.Overall.Score())
	}
	open := ScoreResults([]RuleResult{{Rule: &rules.Rule{Severity: rules.High}, Status: Unanswered}})
	if why := (Gate{FailOn: rules.Low}).Check(open); len(why) != 0 {
		t.Errorf("an open question failed a gate on failures: %v", why)
	}
	if why := (Gate{FailOnUnanswered: rules.High}).Check(open); len(why) != 1 {
		t.Errorf("a high open question passed --fail-on-unanswered high")
	}
}

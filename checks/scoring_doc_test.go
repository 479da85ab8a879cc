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
	if len(results) != 7 {
		t.Fatalf("parsed %d rows of the worked example, want 7", len(results))
	}
	sc := ScoreResults(results)

	overall := regexp.MustCompile(`Overall score: ([\d.]+)`).FindStringSubmatch(example)
	if got := sc.Overall.Score(); overall == nil || strconv.FormatFloat(got, 'f', 1, 64) != overall[1] {
		t.Errorf("overall score: doc says %v, scoring gives %.1f", overall, got)
	}
	scope := regexp.MustCompile(`(?m)^- ([a-z-]+)(?: ([a-z-]+))?: earned (\d+) of (\d+), score ([\d.]+)$`)
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
		got := strconv.Itoa(tally.Earned) + "/" + strconv.Itoa(tally.Possible) + " " + strconv.FormatFloat(tally.Score(), 'f', 1, 64)
		want := m[3] + "/" + m[4] + " " + m[5]
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
	if sc.Overall.NotApplicable != 1 {
		t.Errorf("not applicable: got %d, want 1", sc.Overall.NotApplicable)
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
	}{
		{"all pass", nil, Ready},
		{"one low failure keeps ready", []RuleResult{mk(rules.Low, Fail)}, Ready},
		{"one high failure caps at conditional", []RuleResult{mk(rules.High, Fail)}, Conditional},
		{"one critical failure caps at not ready", []RuleResult{mk(rules.Critical, Fail)}, NotReady},
	}
	for _, c := range cases {
		sc := ScoreResults(append(append([]RuleResult{}, many...), c.add...))
		if sc.Overall.Score() < 99 {
			t.Fatalf("%s: score %.1f, want ≥ 99 for the cap to matter", c.name, sc.Overall.Score())
		}
		if got := Judge(sc); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
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
	if why := (Gate{MinScore: 61}).Check(sc); len(why) != 1 {
		t.Errorf("score %.1f passed --min-score 61", sc.Overall.Score())
	}
}

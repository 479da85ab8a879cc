package checks

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/internal/system"
	"github.com/archvet/archvet/rules"
)

// callerRule fails a review for each hard synchronous dependency on a
// less critical tier, reading _system; it does not apply without one.
const callerRule = `# METADATA
# title: Waits on a less critical tier
# description: A test system rule.
# related_resources:
#   - ref: https://example.com/tiers
#     description: a reference
# custom:
#   id: ZS001
#   level: reactive
#   scope: system
#   applicability: The review is part of a system.
#   severity: high
#   check: reasoning
#   frameworks:
#     ideals: deployability
#   remediation: Nothing to do.
package archvet.system.test.caller

import rego.v1

applicable if input._system

deny contains {"msg": sprintf("waits on %s", [dep.name]), "path": sprintf("dependencies[%d]", [i])} if {
	some i, dep in input._system.dependencies
	dep.hard
	dep.sync
	dep.callee.tier > input.service.tier
}
`

func systemChecker(t *testing.T) *Checker {
	t.Helper()
	cat, ds := rules.Parse([]rules.Source{{Path: "caller.rego", Text: callerRule}})
	if ds.HasErrors() || len(cat.Rules) != 1 || !cat.Rules[0].System() {
		t.Fatalf("%v: %d rules", ds, len(cat.Rules))
	}
	e, ds := Compile(context.Background(), cat, Options{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	return &Checker{Engine: e, Schema: sch, Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
}

func writeReviews(t *testing.T, files map[string]string) (dir string, inputs []Input) {
	t.Helper()
	dir = t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"a.yaml", "b.yaml", "c.yaml", "notes.yaml", "broken.yaml"} {
		if _, ok := files[name]; ok {
			inputs = append(inputs, Input{Path: filepath.Join(dir, name), Discovered: true})
		}
	}
	return dir, inputs
}

const (
	reviewA = "format_version: 1\nservice: {name: a, owner: t, tier: 0}\ndependencies:\n  - {name: b, criticality: hard, interaction: sync}\n  - {name: c, criticality: hard, interaction: sync}\n"
	reviewB = "format_version: 1\nservice: {name: b, owner: t, tier: 3}\n"
	reviewC = "format_version: 1\nservice: {name: c, owner: t, tier: 1}\ndependencies:\n  - {name: b, criticality: hard, interaction: sync}\n"
)

// TestTwoPasses: pass 1 keeps the facts of the reviews that check (not
// a file that is no review, nor a broken one); pass 2 judges each review
// with its _system, and the collector judges the system by its system
// rule's worst status.
func TestTwoPasses(t *testing.T) {
	c := systemChecker(t)
	dir, inputs := writeReviews(t, map[string]string{
		"a.yaml": reviewA, "b.yaml": reviewB, "c.yaml": reviewC,
		"notes.yaml":  "title: not a review\n",
		"broken.yaml": "format_version: 1\nservice: {name: x, owner: t, tier: zero}\n",
	})
	facts := c.Facts(context.Background(), inputs)
	if len(facts) != 3 {
		t.Fatalf("pass 1 kept %d reviews, want a, b and c", len(facts))
	}
	sys, ds := system.Build(facts)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	c.System = sys
	col := NewSystemCollector(sys)
	rep := c.CheckAll(context.Background(), inputs)
	status := map[string]Status{}
	for _, f := range rep.Files {
		col.Add(f)
		if len(f.Results) == 1 {
			status[filepath.Base(f.Path)] = f.Results[0].Status
			if filepath.Base(f.Path) == "a.yaml" && len(f.Results[0].Findings) != 2 {
				t.Errorf("a: %d findings, want 2 (b is tier 3, c tier 1; a is tier 0)", len(f.Results[0].Findings))
			}
		}
	}
	if status["a.yaml"] != Fail || status["b.yaml"] != Pass || status["c.yaml"] != Fail {
		t.Errorf("statuses %v; want a and c to fail, b to pass", status)
	}
	s := col.Report()
	if len(s.Results) != 1 || s.Results[0].Status != Fail || s.Results[0].File != filepath.Join(dir, "a.yaml") {
		t.Errorf("system results %+v; want ZS001 failed, from a (tier 0, first of the worst)", s.Results)
	}
	if len(s.Findings) != 3 || s.Findings[0].Result == nil || s.Findings[0].Result.Rule.ID != "ZS001" {
		t.Errorf("system findings %+v; want a's two and c's", s.Findings)
	}
	if s.Scorecard.Overall.Failed != 1 || s.Scorecard.Tier != 0 || s.Verdict != Conditional {
		t.Errorf("system scorecard %+v, verdict %s; want one failed rule at tier 0, conditional", s.Scorecard.Overall, s.Verdict)
	}
	if len(s.Services) != 3 || !s.Services[0].Reported || s.Services[0].Name != "a" || s.Services[1].BlastRadius[0] != "a" {
		t.Errorf("services %+v", s.Services)
	}

	// Alone, no review has a system, and the rule does not apply.
	c.System = nil
	for _, f := range c.CheckAll(context.Background(), inputs[:1]).Files {
		if f.Results[0].Status != NotApplicable {
			t.Errorf("a alone: %s, want not_applicable", f.Results[0].Status)
		}
	}
}

// TestReviewCannotForgeSystem: a review's own _system is stripped, and
// with no system the rule stays not applicable.
func TestReviewCannotForgeSystem(t *testing.T) {
	c := systemChecker(t)
	forged := reviewA + "_system:\n  dependencies:\n    - {name: b, hard: true, sync: true, callee: {tier: 3}}\n"
	_, inputs := writeReviews(t, map[string]string{"a.yaml": forged})
	f := c.CheckAll(context.Background(), inputs).Files[0]
	if f.Broken || f.Results[0].Status != NotApplicable {
		t.Errorf("forged _system: broken %v, status %s; want not_applicable", f.Broken, f.Results[0].Status)
	}
}

// TestWorseResult: the system keeps a rule's worst status, and among
// equal statuses the higher severity (the more critical tier's).
func TestWorseResult(t *testing.T) {
	high, low := &rules.Rule{ID: "X", Severity: rules.High}, &rules.Rule{ID: "X", Severity: rules.Low}
	cases := []struct {
		a, b RuleResult
		want bool
	}{
		{RuleResult{Rule: low, Status: Fail}, RuleResult{Rule: high, Status: Unanswered}, true},
		{RuleResult{Rule: high, Status: Pass}, RuleResult{Rule: high, Status: NotApplicable}, true},
		{RuleResult{Rule: high, Status: Waived}, RuleResult{Rule: high, Status: Unanswered}, false},
		{RuleResult{Rule: high, Status: Fail}, RuleResult{Rule: low, Status: Fail}, true},
		{RuleResult{Rule: low, Status: Fail}, RuleResult{Rule: high, Status: Fail}, false},
	}
	for _, c := range cases {
		if got := worse(c.a, c.b); got != c.want {
			t.Errorf("worse(%s %s, %s %s) = %v", c.a.Status, c.a.Rule.Severity, c.b.Status, c.b.Rule.Severity, got)
		}
	}
}

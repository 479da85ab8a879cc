package report

import (
	"fmt"
	"strings"

	"github.com/archvet/archvet/checks"
)

// System writes a "system" testsuite after the files' suites: one
// testcase per system rule, judged over the whole system (its worst
// result over the files), a failure listing every finding of the rule at
// its file, line and column. The suite's properties carry the system's
// score and verdict and the number of services.
func (s *junitStream) System(sys *checks.SystemReport) error {
	m := buildSystem(sys)
	j := m.json
	suite := junitSuite{Name: "system", Time: junitTime, Properties: &junitProperties{Property: []junitProperty{
		{Name: "services", Value: fmt.Sprint(len(j.Services))},
		{Name: "dependencies", Value: fmt.Sprint(len(j.Dependencies))},
		{Name: "score", Value: scoreOrNA(j.Score)},
		{Name: "verdict", Value: j.Verdict},
	}}}
	var notes []string
	for _, c := range j.Cycles {
		notes = append(notes, "synchronous cycle: "+cycleText(c))
	}
	for _, sv := range m.attention() {
		notes = append(notes, fmt.Sprintf("%s (tier %d): score %s, %s, completeness %s; blast radius: %s", sv.Name, sv.Tier, scoreText(sv.Score, ""),
			serviceVerdict(sv), scoreText(sv.Completeness, "%"), shortList(sv.BlastRadius, textBlastNames, "none")))
	}
	suite.SystemOut = strings.Join(notes, "\n")
	byRule := map[string][]checks.SystemFinding{}
	for _, f := range sys.Findings {
		if systemRule(f) != nil {
			byRule[systemRule(f).ID] = append(byRule[systemRule(f).ID], f)
		}
	}
	for _, r := range sys.Results {
		if r.Rule == nil {
			continue
		}
		fr := checks.FileReport{Path: r.File}
		res := r.RuleResult
		res.Findings = nil
		for _, f := range byRule[r.Rule.ID] {
			res.Findings = append(res.Findings, f.Finding)
		}
		c := junitRuleCase(fr, res)
		c.Classname = "system"
		if c.Failure != nil {
			// Each finding is in its own file: junitRuleCase placed them
			// all in the result's file.
			c.Failure.Text = systemFailureText(byRule[r.Rule.ID], r.Rule.Remediation)
		}
		suite.add(c)
	}
	suite.sanitize()
	return s.suite(suite)
}

// systemFailureText lists a system rule's failing findings, each at its
// own file, then the fix.
func systemFailureText(fs []checks.SystemFinding, remediation string) string {
	var lines []string
	for _, f := range fs {
		if systemStatus(f) == checks.Fail {
			lines = append(lines, where(f.File, &f.Location)+": "+f.Message)
			for _, rl := range f.Related {
				lines = append(lines, "    related: "+where(f.File, &rl.Location)+": "+rl.Message)
			}
		}
	}
	return strings.Join(append(lines, "", "fix: "+oneLine(remediation)), "\n")
}

func scoreOrNA(v *float64) string {
	if v == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.1f", *v)
}

package report

import (
	"fmt"

	"github.com/archvet/archvet/checks"
)

// textBlastNames is how many tier-0 services a text row names.
const textBlastNames = 6

// System writes the system section after the files: the system's score
// and verdict, its cycles, a row per service and the system findings with
// their fixes. A --quiet report keeps the verdict line of a system that
// is not ready, and nothing else (its findings are among the files').
func (s *textStream) System(sys *checks.SystemReport) error {
	m := buildSystem(sys)
	t, p := s.t, s.p
	j := m.json
	headline := fmt.Sprintf("System: %s, %s: score %s, completeness %s, %s", plural(len(j.Services), "service", "services"),
		plural(len(j.Dependencies), "dependency", "dependencies"), scoreText(j.Score, "/100"), scoreText(j.Completeness, "%"), t.verdict(sys.Verdict))
	if t.quiet {
		if sys.Verdict != checks.Ready {
			p.line("%s", headline)
		}
		return p.err
	}
	p.line("")
	p.line("%s", t.paint(ansiBold, headline))
	p.line("  %s", systemCounts(j.Tally))
	for _, c := range j.Cycles {
		p.line("  synchronous cycle: %s", cycleText(c))
	}
	width := len("service")
	for _, sv := range j.Services {
		width = max(width, min(len([]rune(clean(sv.Name))), 32))
	}
	p.line("")
	p.line("  %-*s %4s %6s  %-11s %8s  %s", width, "service", "tier", "score", "verdict", "complete", "blast radius (tier-0 services that fail with it)")
	for _, sv := range m.attention() {
		p.line("  %-*s %4d %6s  %-11s %8s  %s", width, truncateText(clean(sv.Name), 32), sv.Tier, scoreText(sv.Score, ""), serviceVerdict(sv),
			scoreText(sv.Completeness, "%"), shortList(sv.BlastRadius, textBlastNames, "none"))
	}
	p.line("")
	p.line("%s", t.paint(ansiBold, fmt.Sprintf("System findings (%d)", len(j.Findings))))
	if len(j.Findings) == 0 {
		p.line("  none")
	}
	for _, f := range sys.Findings {
		st := checks.Fail
		id, sev := "", fmt.Sprintf("%-8s", "")
		if systemRule(f) != nil {
			st, id = systemStatus(f), systemRule(f).ID
			sev = t.severity(systemRule(f).Severity)
		}
		label, note := sev, ""
		switch st {
		case checks.Fail:
		case checks.Unanswered:
			note = " (open question)"
		default:
			label = t.paint(ansiDim, fmt.Sprintf("%-8s", statusLabel(st)))
		}
		p.line("%s %s %s %s%s", whereFinding(f.File, f.Finding), label, clean(id), clean(f.Message), note)
		for _, rl := range f.Related {
			p.line("    related: %s %s", where(f.File, &rl.Location), clean(rl.Message))
		}
		if st == checks.Fail && systemRule(f) != nil {
			p.line("    %s %s", t.paint(ansiDim, "fix:"), clean(firstSentence(systemRule(f).Remediation)))
		}
	}
	return p.err
}

// scoreText is a score with its unit, or – when there is none.
func scoreText(v *float64, unit string) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%.1f%s", *v, unit)
}

package report

import (
	"fmt"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/graphdraw"
	"github.com/archvet/archvet/rules"
)

const (
	// mdGraphNodes bounds the services of the comment's Mermaid diagram
	// (GitHub's renderer gives up on large graphs, and the comment has a
	// size limit).
	mdGraphNodes = 30
	// mdSystemRows is how many services the comment's table lists.
	mdSystemRows = 20
	// mdSystemBudget bounds the system section; the file sections after it
	// give way (Close).
	mdSystemBudget = 24000
	// mdBlastNames is how many tier-0 services a row names.
	mdBlastNames = 5
)

// System keeps the system section, which Close writes after the summary
// table and before the files.
func (s *markdownStream) System(sys *checks.SystemReport) error {
	s.system = sys
	return nil
}

// systemSection is the comment's system section: verdict and score, the
// affected part of the graph as a Mermaid diagram (the services with
// system findings and their neighbours), the services that need
// attention, and the system findings by rule.
func (m markdownFormatter) systemSection(sys *checks.SystemReport) string {
	model := buildSystem(sys)
	j := model.json
	var b strings.Builder
	fmt.Fprintf(&b, "### %s System: %s, %s\n\n", verdictIcon(sys.Verdict), scoreText(j.Score, "/100"), sys.Verdict)
	fmt.Fprintf(&b, "%s, %s · %s · completeness %s\n\n", plural(len(j.Services), "service", "services"), plural(len(j.Dependencies), "dependency", "dependencies"),
		systemCounts(j.Tally), scoreText(j.Completeness, "%"))
	for _, c := range j.Cycles {
		fmt.Fprintf(&b, "- Synchronous cycle: %s\n", mdText(cycleText(c)))
	}
	if len(j.Cycles) > 0 {
		b.WriteString("\n")
	}
	if d := model.drawn(mdGraphNodes, true); len(d.graph.Services) > 0 {
		b.WriteString("```mermaid\n")
		// graphdraw escapes every name with Mermaid's entity codes, so
		// no name can end the code block.
		if err := graphdraw.Mermaid(&b, d.graph, model.graphOptions("")); err != nil {
			b.WriteString("%% the graph could not be drawn\n")
		}
		b.WriteString("```\n\n")
		fmt.Fprintf(&b, "_The services with system findings and their neighbours (%d of %d services%s), by tier; thick red arrows are the dependency entries a system rule fails at._\n\n",
			d.shown, len(j.Services), mdNotDrawn(d.wanted-d.focused))
	}
	rows := model.attention()
	hidden := 0
	if len(rows) > mdSystemRows {
		rows, hidden = rows[:mdSystemRows], len(rows)-mdSystemRows
	}
	b.WriteString("| service | tier | score | verdict | completeness | system findings | blast radius |\n|---|--:|--:|---|--:|--:|---|\n")
	for _, sv := range rows {
		verdict := "context only"
		if sv.Reported {
			verdict = verdictIcon(checks.Verdict(sv.Verdict)) + " " + sv.Verdict
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %d | %s |\n", mdCell(sv.Name), sv.Tier, scoreText(sv.Score, ""), verdict, scoreText(sv.Completeness, "%"),
			sv.Findings, mdCell(shortList(sv.BlastRadius, mdBlastNames, "none")))
	}
	if hidden > 0 {
		fmt.Fprintf(&b, "\n%s not listed.\n", plural(hidden, "more service", "more services"))
	}
	b.WriteString("\n")
	items := mdSystemItems(sys)
	open := len(items) <= mdOpenFindings
	mdList(&b, fmt.Sprintf("System findings (%d)", len(j.Findings)), items, !open, mdSystemBudget-b.Len()-600)
	return b.String()
}

// mdSystemItems lists the system findings as one item per rule, most
// severe first.
func mdSystemItems(sys *checks.SystemReport) []mdItem {
	type group struct {
		rule  *rules.Rule
		lines []string
		n     int
	}
	var groups []*group
	index := map[string]*group{}
	for _, f := range sys.Findings {
		if systemRule(f) == nil || systemStatus(f) != checks.Fail {
			continue
		}
		g, ok := index[systemRule(f).ID]
		if !ok {
			g = &group{rule: systemRule(f)}
			index[systemRule(f).ID] = g
			groups = append(groups, g)
		}
		g.n++
		if g.n <= mdRuleFindings {
			g.lines = append(g.lines, fmt.Sprintf("  - %s %s%s", mdCode(where(f.File, &f.Location)), mdText(f.Message), mdRelated(checks.FileReport{Path: f.File}, f.Finding)))
		}
	}
	var items []mdItem
	for _, sev := range severities {
		for _, g := range groups {
			if g.rule.Severity != sev {
				continue
			}
			if g.n > mdRuleFindings {
				g.lines = append(g.lines, fmt.Sprintf("  - _%s not shown_", plural(g.n-mdRuleFindings, "more finding", "more findings")))
			}
			items = append(items, mdItem{fmt.Sprintf("- %s **%s** %s · %s\n%s\n  - **Fix:** %s", severityIcon(sev), mdText(g.rule.ID), mdProse(g.rule.Title), sev,
				strings.Join(g.lines, "\n"), mdProse(g.rule.Remediation)), g.n})
		}
	}
	return items
}

func mdNotDrawn(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("; %s with findings not drawn, to keep the diagram readable", plural(n, "more service", "more services"))
}

package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/rules"
)

// markdownFormatter writes a report sized for a pull-request comment:
// the verdict and score of each file first, a compact table per
// framework, then the failed rules with where and how to fix them. Long
// lists are folded in <details>, and the whole stays under GitHub's
// comment limit.
type markdownFormatter struct{ opts Options }

const (
	// mdCommentBudget keeps a comment under GitHub's 65,536-character
	// limit, with room for a bot's own header.
	mdCommentBudget = 60000
	// mdOpenFindings is how many failed rules are shown unfolded.
	mdOpenFindings = 5
	// mdFoldFiles is the number of files above which each file's section
	// is folded.
	mdFoldFiles = 3
	// mdListFiles is the number of files above which the summary table
	// lists only the files that need attention.
	mdListFiles = 20
)

func (m markdownFormatter) Format(w io.Writer, rep checks.Report) error {
	model := BuildWith(rep, m.opts)
	s := model.Summary
	var head strings.Builder
	fmt.Fprintf(&head, "## archvet: %s\n\n", plural(s.Files, "design review", "design reviews"))
	fmt.Fprintf(&head, "%d passed the gate, %d failed, %d could not be evaluated.", s.GatePassed, s.GateFailed, s.Broken)
	if total := s.Findings["critical"] + s.Findings["high"] + s.Findings["medium"] + s.Findings["low"]; total > 0 {
		fmt.Fprintf(&head, " Findings: %d critical, %d high, %d medium, %d low.", s.Findings["critical"], s.Findings["high"], s.Findings["medium"], s.Findings["low"])
	}
	head.WriteString("\n\n")
	if b := m.opts.Baseline; b != nil {
		fmt.Fprintf(&head, "**Baseline** %s: **%d new**, %d still present, %d fixed. Only new findings fail the gate.\n\n", mdCode(b.Path), b.New, b.Present, b.Fixed)
	}
	if len(rep.Files) > 1 {
		mdSummaryTable(&head, rep)
	}

	var body strings.Builder
	shown := 0
	for _, f := range rep.Files {
		var sec strings.Builder
		m.file(&sec, f, len(rep.Files) > mdFoldFiles)
		if head.Len()+body.Len()+sec.Len() > mdCommentBudget && shown > 0 {
			break
		}
		body.WriteString(sec.String())
		shown++
	}
	if rest := len(rep.Files) - shown; rest > 0 {
		fmt.Fprintf(&body, "_%s not shown, to keep this comment under GitHub's size limit: see the SARIF or JUnit report for every finding._\n", plural(rest, "more design review", "more design reviews"))
	}
	_, err := io.WriteString(w, head.String()+body.String())
	return err
}

func mdSummaryTable(b *strings.Builder, rep checks.Report) {
	rows := rep.Files
	hidden := 0
	if len(rows) > mdListFiles {
		rows = nil
		for _, f := range rep.Files {
			if f.Broken || len(f.GateFailures) > 0 {
				rows = append(rows, f)
			}
		}
		if len(rows) > mdListFiles {
			rows = rows[:mdListFiles]
		}
		hidden = len(rep.Files) - len(rows)
	}
	b.WriteString("| design review | service | score | verdict | gate |\n|---|---|--:|---|---|\n")
	for _, f := range rows {
		if f.Broken {
			fmt.Fprintf(b, "| %s | | | ⛔ error | could not be evaluated |\n", mdCode(f.Path))
			continue
		}
		fmt.Fprintf(b, "| %s | %s (tier %d) | %.1f | %s %s | %s |\n", mdCode(f.Path), mdCell(f.Service), f.Tier,
			f.Scorecard.Overall.Score(), verdictIcon(f.Verdict), f.Verdict, mdGate(f))
	}
	if hidden > 0 {
		fmt.Fprintf(b, "\n%s that passed the gate not listed.\n", plural(hidden, "more design review", "more design reviews"))
	}
	b.WriteString("\n")
}

func (m markdownFormatter) file(b *strings.Builder, f checks.FileReport, fold bool) {
	if f.Broken {
		title := fmt.Sprintf("⛔ %s could not be evaluated", mdCode(f.Path))
		if fold {
			fmt.Fprintf(b, "<details><summary>%s</summary>\n\n", title)
		} else {
			fmt.Fprintf(b, "### %s\n\n", title)
		}
		for _, d := range f.Diagnostics {
			fmt.Fprintf(b, "- %s\n", mdDiag(f.Path, d))
		}
		if fold {
			b.WriteString("\n</details>\n")
		}
		b.WriteString("\n")
		return
	}
	title := fmt.Sprintf("%s %s: %.1f/100, %s", verdictIcon(f.Verdict), mdText(serviceName(f)), f.Scorecard.Overall.Score(), f.Verdict)
	if fold {
		fmt.Fprintf(b, "<details><summary>%s (%s)</summary>\n\n", title, mdCode(f.Path))
	} else {
		fmt.Fprintf(b, "### %s\n\n", title)
	}
	fmt.Fprintf(b, "%s · tier %d · %s · gate %s\n\n", mdCode(f.Path), f.Tier, mdText(f.Verdict.Describe()), mdGate(f))

	b.WriteString("| framework | score | passed | failed | n/a |\n|---|--:|--:|--:|--:|\n")
	for _, fw := range f.Scorecard.Frameworks {
		score := "n/a"
		if fw.Applicable() {
			score = fmt.Sprintf("%.1f", fw.Score())
		}
		fmt.Fprintf(b, "| %s | %s | %d | %d | %d |\n", mdCell(fw.Name), score, fw.Passed, fw.Failed, fw.NotApplicable)
	}
	b.WriteString("\n")

	var failed, accepted []string
	for _, r := range bySeverity(f.Results) {
		fail, acc := m.ruleItems(f, r)
		if fail != "" {
			failed = append(failed, fail)
		}
		accepted = append(accepted, acc...)
	}
	mdList(b, fmt.Sprintf("Failed rules (%d)", len(failed)), failed, len(failed) > mdOpenFindings)
	mdList(b, fmt.Sprintf("Waived findings (%d)", len(accepted)), accepted, true)
	var warnings []string
	for _, d := range f.Diagnostics {
		warnings = append(warnings, "- "+mdDiag(f.Path, d))
	}
	mdList(b, fmt.Sprintf("Input warnings (%d)", len(warnings)), warnings, true)
	if fold {
		b.WriteString("</details>\n\n")
	}
}

// ruleItems renders a failed rule as one list item with its findings and
// fix, and each finding that is not a failure (a waiver) as its own item.
func (m markdownFormatter) ruleItems(f checks.FileReport, r checks.RuleResult) (string, []string) {
	var fails []string
	var accepted []string
	for i, fd := range r.Findings {
		st := findingStatus(r, fd)
		at := mdCode(strings.TrimPrefix(where(f.Path, &fd.Location), f.Path+":"))
		if !fd.Location.Start.Known() {
			at = "(position unknown)"
		}
		if st == checks.Fail {
			mark := ""
			if m.opts.Baseline.state(f, r, i) == baselineNew {
				mark = " **new**"
			}
			fails = append(fails, fmt.Sprintf("  - %s %s%s", at, mdText(fd.Message), mark))
			continue
		}
		item := fmt.Sprintf("- %s **%s** %s: %s %s", statusLabel(st), r.Rule.ID, mdProse(r.Rule.Title), at, mdText(fd.Message))
		if w := fd.Waiver; w != nil && st == checks.Waived {
			item += fmt.Sprintf(" (approved by %s until %s: %s)", mdText(w.ApprovedBy), mdText(w.Expires), mdText(oneLine(w.Reason)))
		}
		accepted = append(accepted, item)
	}
	if len(fails) == 0 {
		return "", accepted
	}
	item := fmt.Sprintf("- %s **%s** %s · %s\n%s\n  - **Fix:** %s", severityIcon(r.Rule.Severity), r.Rule.ID, mdProse(r.Rule.Title), r.Rule.Severity,
		strings.Join(fails, "\n"), mdProse(r.Rule.Remediation))
	return item, accepted
}

// mdList writes a titled list, folded when asked; an empty list is left out.
func mdList(b *strings.Builder, title string, items []string, fold bool) {
	if len(items) == 0 {
		return
	}
	if fold {
		fmt.Fprintf(b, "<details><summary>%s</summary>\n\n%s\n\n</details>\n\n", title, strings.Join(items, "\n"))
		return
	}
	fmt.Fprintf(b, "**%s**\n\n%s\n\n", title, strings.Join(items, "\n"))
}

// mdDiag is a problem with the input: its position as code, then what.
func mdDiag(file string, d diag.Diagnostic) string {
	at := file
	if d.Subject != nil && d.Subject.Start.Known() {
		at = where(file, d.Subject)
	}
	return fmt.Sprintf("%s %s: %s", mdCode(at), d.Severity, mdText(d.Message()))
}

// bySeverity lists a file's results most severe first, in catalogue order
// within a severity, so the worst problems lead.
func bySeverity(results []checks.RuleResult) []checks.RuleResult {
	out := make([]checks.RuleResult, 0, len(results))
	for _, sev := range severities {
		for _, r := range results {
			if r.Rule != nil && r.Rule.Severity == sev {
				out = append(out, r)
			}
		}
	}
	return out
}

func mdGate(f checks.FileReport) string {
	if len(f.GateFailures) == 0 {
		return "**passed**"
	}
	return "**failed** (" + mdCell(strings.Join(f.GateFailures, "; ")) + ")"
}

func verdictIcon(v checks.Verdict) string {
	switch v {
	case checks.Ready:
		return "✅"
	case checks.Conditional:
		return "⚠️"
	}
	return "❌"
}

func severityIcon(s rules.Severity) string {
	switch s {
	case rules.Critical:
		return "🟥"
	case rules.High:
		return "🟧"
	case rules.Medium:
		return "🟨"
	}
	return "🟦"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// mdText escapes the characters Markdown or GitHub's HTML would act on,
// so a message is shown as written.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "#", `\#`, "~", `\~`,
)

func mdText(s string) string { return mdEscaper.Replace(oneLine(s)) }

// mdProse is catalogue text (titles, remediation), written by policy
// authors in Markdown: inline code and emphasis are kept, only raw HTML is
// neutralised.
var mdProseEscaper = strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")

func mdProse(s string) string { return mdProseEscaper.Replace(oneLine(s)) }

// mdCell is text fit for a table cell.
func mdCell(s string) string { return mdText(s) }

// mdCode is a code span; backticks inside are replaced, since a path or
// position never needs them.
func mdCode(s string) string { return "`" + strings.ReplaceAll(oneLine(s), "`", "'") + "`" }

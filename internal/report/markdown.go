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

const (
	// mdHeadReserve is the room kept for the comment's head (the totals
	// and the summary table, whose cells are bounded by mdMaxText).
	mdHeadReserve = 16000
	// mdMinSection is the least room worth starting another file's
	// section in; below it the remaining files are only counted.
	mdMinSection = 2000
	// mdRuleFindings is how many findings of one rule are listed.
	mdRuleFindings = 20
	// mdMaxText bounds one piece of user text (a name, a message).
	mdMaxText = 400
)

func (m markdownFormatter) Format(w io.Writer, rep checks.Report) error {
	return formatAll(m.Stream(w), rep)
}

// Stream writes the comment once the run is over, holding no more than
// the comment: the sections that fit the budget, the first rows of the
// summary table, and the first few files until it is known whether
// sections are folded (more than mdFoldFiles files).
func (m markdownFormatter) Stream(w io.Writer) Stream {
	return &markdownStream{m: m, w: w, sum: newSummary()}
}

type markdownStream struct {
	m        markdownFormatter
	w        io.Writer
	sum      JSONSummary
	files    int
	early    []checks.FileReport // the first files, before fold is known
	rows     []string            // table rows of the first files
	failRows []string            // table rows of files that need attention
	body     strings.Builder
	shown    int
	full     bool
	// ends records where each shown section ends in body, so that a
	// system section (markdown_system.go) can take the room of the last.
	ends   []int
	system *checks.SystemReport
}

func (s *markdownStream) File(f checks.FileReport) error {
	s.sum.add(f)
	s.files++
	if len(s.rows) <= mdListFiles {
		s.rows = append(s.rows, mdRow(f))
	}
	if (f.Broken || len(f.GateFailures) > 0) && len(s.failRows) < mdListFiles {
		s.failRows = append(s.failRows, mdRow(f))
	}
	if s.files <= mdFoldFiles {
		s.early = append(s.early, f)
		return nil
	}
	for _, e := range s.early {
		s.section(e, true)
	}
	s.early = nil
	s.section(f, true)
	return nil
}

// section adds a file's section to the body when there is room, cut down
// to the room left if it is the first.
func (s *markdownStream) section(f checks.FileReport, fold bool) {
	room := mdCommentBudget - mdHeadReserve - s.body.Len()
	if s.full || (s.shown > 0 && room < mdMinSection) {
		s.full = true
		return
	}
	var sec strings.Builder
	s.m.file(&sec, f, fold, room)
	if s.shown > 0 && sec.Len() > room {
		s.full = true
		return
	}
	s.body.WriteString(sec.String())
	s.shown++
	s.ends = append(s.ends, s.body.Len())
}

func (s *markdownStream) Close() error {
	for _, e := range s.early {
		s.section(e, false)
	}
	sum := summaryWith(s.sum, s.m.opts)
	var head strings.Builder
	fmt.Fprintf(&head, "## archvet: %s\n\n", plural(sum.Files, "design review", "design reviews"))
	fmt.Fprintf(&head, "%d passed the gate, %d failed, %d could not be evaluated.", sum.GatePassed, sum.GateFailed, sum.Broken)
	if total := sum.Findings["critical"] + sum.Findings["high"] + sum.Findings["medium"] + sum.Findings["low"]; total > 0 {
		fmt.Fprintf(&head, " Findings: %d critical, %d high, %d medium, %d low.", sum.Findings["critical"], sum.Findings["high"], sum.Findings["medium"], sum.Findings["low"])
	}
	head.WriteString("\n\n")
	if b := s.m.opts.Baseline; b != nil {
		fmt.Fprintf(&head, "**Baseline** %s: **%d new**, %d still present, %d fixed. Only new findings fail the gate.\n\n", mdCode(b.Path), b.New, b.Present, b.Fixed)
	}
	if s.files > 1 {
		rows, hidden := s.rows, 0
		if s.files > mdListFiles {
			rows, hidden = s.failRows, s.files-len(s.failRows)
		}
		head.WriteString("| design review | service | score | verdict | gate |\n|---|---|--:|---|---|\n")
		for _, r := range rows {
			head.WriteString(r)
		}
		if hidden > 0 {
			fmt.Fprintf(&head, "\n%s that passed the gate not listed.\n", plural(hidden, "more design review", "more design reviews"))
		}
		head.WriteString("\n")
	}
	if s.system != nil {
		sys := s.m.systemSection(s.system)
		head.WriteString(sys)
		// The files' sections give way to the system's, last first.
		body := s.body.String()
		for s.shown > 0 && head.Len()+len(body) > mdCommentBudget-mdHeadReserve/4 {
			s.shown--
			s.ends = s.ends[:s.shown]
			end := 0
			if s.shown > 0 {
				end = s.ends[s.shown-1]
			}
			body = body[:end]
		}
		s.body.Reset()
		s.body.WriteString(body)
	}
	if rest := s.files - s.shown; rest > 0 {
		fmt.Fprintf(&s.body, "_%s not shown, to keep this comment under GitHub's size limit: see the SARIF or JUnit report for every finding._\n", plural(rest, "more design review", "more design reviews"))
	}
	_, err := io.WriteString(s.w, head.String()+s.body.String())
	return err
}

// mdRow is a file's row in the summary table.
func mdRow(f checks.FileReport) string {
	if f.Broken {
		return fmt.Sprintf("| %s | | | ⛔ error | could not be evaluated |\n", mdCodeCell(f.Path))
	}
	return fmt.Sprintf("| %s | %s (tier %d) | %.1f | %s %s | %s |\n", mdCodeCell(f.Path), mdCell(f.Service), f.Tier,
		f.Scorecard.Overall.Score(), verdictIcon(f.Verdict), f.Verdict, mdGate(f))
}

// mdItem is one list item and the number of findings it shows.
type mdItem struct {
	text     string
	findings int
}

// file writes a file's section in at most room bytes (or about that: a
// section always keeps its title and scores): findings that do not fit
// are counted in a note "N more findings not shown".
func (m markdownFormatter) file(b *strings.Builder, f checks.FileReport, fold bool, room int) {
	if f.Broken {
		title := fmt.Sprintf("⛔ %s could not be evaluated", mdCode(f.Path))
		if fold {
			fmt.Fprintf(b, "<details><summary>%s</summary>\n\n", title)
		} else {
			fmt.Fprintf(b, "### %s\n\n", title)
		}
		var items []mdItem
		for _, d := range f.Diagnostics {
			items = append(items, mdItem{"- " + mdDiag(f.Path, d), 1})
		}
		kept, more := fitItems(items, room-b.Len()-200)
		for _, it := range kept {
			b.WriteString(it.text + "\n")
		}
		if more > 0 {
			fmt.Fprintf(b, "- _%s not shown_\n", plural(more, "more finding", "more findings"))
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
	fmt.Fprintf(b, "%s · tier %d · completeness %.1f%%%s · %s · gate %s\n\n", mdCode(f.Path), f.Tier, f.Scorecard.Overall.Completeness(), trustSuffix(f.Scorecard.Trust, " · "), mdText(f.Verdict.Describe()), mdGate(f))

	b.WriteString("| framework | score | passed | failed | n/a |\n|---|--:|--:|--:|--:|\n")
	for _, fw := range f.Scorecard.Frameworks {
		score := "n/a"
		if fw.Applicable() {
			score = fmt.Sprintf("%.1f", fw.Score())
		}
		fmt.Fprintf(b, "| %s | %s | %d | %d | %d |\n", mdCell(fw.Name), score, fw.Passed, fw.Failed, fw.NotApplicable)
	}
	b.WriteString("\n")

	var failed, accepted, questions []mdItem
	for _, r := range bySeverity(f.Results) {
		fail, acc := m.ruleItems(f, r)
		if fail.text != "" {
			failed = append(failed, fail)
		}
		if r.Status == checks.Unanswered {
			questions = append(questions, acc...)
		} else {
			accepted = append(accepted, acc...)
		}
	}
	var warnings []mdItem
	for _, d := range f.Diagnostics {
		warnings = append(warnings, mdItem{"- " + mdDiag(f.Path, d), 1})
	}
	// What is left for the lists, with room for their frames and notes.
	left := func() int { return room - b.Len() - 600 }
	mdList(b, fmt.Sprintf("Failed rules (%d)", len(failed)), failed, len(failed) > mdOpenFindings, left())
	mdList(b, fmt.Sprintf("Open questions (%d)", len(questions)), questions, true, left())
	mdList(b, fmt.Sprintf("Waived findings (%d)", len(accepted)), accepted, true, left())
	mdList(b, fmt.Sprintf("Input warnings (%d)", len(warnings)), warnings, true, left())
	if fold {
		b.WriteString("</details>\n\n")
	}
}

// fitItems keeps the items that fit in room bytes, in order, and counts
// the findings of those left out.
func fitItems(items []mdItem, room int) ([]mdItem, int) {
	used := 0
	for i, it := range items {
		if used+len(it.text)+1 > room {
			more := 0
			for _, rest := range items[i:] {
				more += rest.findings
			}
			return items[:i], more
		}
		used += len(it.text) + 1
	}
	return items, 0
}

// mdRelated lists a finding's related locations after it, on the same
// line: the list item stays one finding.
func mdRelated(f checks.FileReport, fd checks.Finding) string {
	if len(fd.Related) == 0 {
		return ""
	}
	parts := make([]string, 0, len(fd.Related))
	for _, rl := range fd.Related {
		parts = append(parts, mdCode(where(f.Path, &rl.Location))+" "+mdText(rl.Message))
	}
	return " (related: " + strings.Join(parts, "; ") + ")"
}

// ruleItems renders a failed rule as one list item with its findings and
// fix (the first mdRuleFindings of them), and each finding that is not a
// failure (a waiver) as its own item.
func (m markdownFormatter) ruleItems(f checks.FileReport, r checks.RuleResult) (mdItem, []mdItem) {
	var fails []string
	var accepted []mdItem
	failing := 0
	for i, fd := range r.Findings {
		st := findingStatus(r, fd)
		at := mdCode(strings.TrimPrefix(where(f.Path, &fd.Location), displayPath(f.Path)+":"))
		if !fd.Location.Start.Known() {
			at = "(position unknown)"
		}
		if st == checks.Fail {
			failing++
			if failing > mdRuleFindings {
				continue
			}
			mark := ""
			if m.opts.Baseline.state(f, r, i) == baselineNew {
				mark = " **new**"
			}
			fails = append(fails, fmt.Sprintf("  - %s %s%s%s", at, mdText(fd.Message), mark, mdRelated(f, fd)))
			continue
		}
		item := fmt.Sprintf("- %s **%s** %s: %s %s", statusLabel(st), mdText(r.Rule.ID), mdProse(r.Rule.Title), at, mdText(fd.Message))
		if w := fd.Waiver; w != nil && st == checks.Waived {
			item += fmt.Sprintf(" (approved by %s until %s: %s)", mdText(w.ApprovedBy), mdText(w.Expires), mdText(oneLine(w.Reason)))
		}
		accepted = append(accepted, mdItem{item, 1})
	}
	if failing == 0 {
		return mdItem{}, accepted
	}
	if failing > mdRuleFindings {
		fails = append(fails, fmt.Sprintf("  - _%s not shown_", plural(failing-mdRuleFindings, "more finding", "more findings")))
	}
	item := fmt.Sprintf("- %s **%s** %s · %s\n%s\n  - **Fix:** %s", severityIcon(r.Rule.Severity), mdText(r.Rule.ID), mdProse(r.Rule.Title), r.Rule.Severity,
		strings.Join(fails, "\n"), mdProse(r.Rule.Remediation))
	return mdItem{item, failing}, accepted
}

// mdList writes a titled list, folded when asked, in about room bytes; an
// empty list is left out, and items that do not fit are counted.
func mdList(b *strings.Builder, title string, items []mdItem, fold bool, room int) {
	if len(items) == 0 {
		return
	}
	kept, more := fitItems(items, room)
	texts := make([]string, 0, len(kept)+1)
	for _, it := range kept {
		texts = append(texts, it.text)
	}
	if more > 0 {
		texts = append(texts, fmt.Sprintf("- _%s not shown, to keep this comment under GitHub's size limit_", plural(more, "more finding", "more findings")))
	}
	if fold {
		fmt.Fprintf(b, "<details><summary>%s</summary>\n\n%s\n\n</details>\n\n", title, strings.Join(texts, "\n"))
		return
	}
	fmt.Fprintf(b, "**%s**\n\n%s\n\n", title, strings.Join(texts, "\n"))
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
// so a message is shown as written. It also defuses what GitHub would
// turn into a notification or a link: an @user or @org/team mention and
// an e-mail address get a zero-width space after the @, and a bare URL
// (scheme:// or www.) one inside its ://, so they stay plain text. Text is
// cleaned (see clean) and cut to mdMaxText characters.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "#", `\#`, "~", `\~`,
	"@", "@&#8203;", "://", ":&#8203;//", "www.", "www&#8203;.", "WWW.", "WWW&#8203;.",
)

func mdText(s string) string { return mdEscape(truncateText(s, mdMaxText)) }

// mdEscape is mdText without the cut, for catalogue text.
func mdEscape(s string) string { return mdEscaper.Replace(oneLine(clean(s))) }

// truncateText cuts s to at most n characters, marking the cut.
func truncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// mdProse is catalogue text (titles, remediation), written by policy
// authors in Markdown: inline code and emphasis are kept; raw HTML,
// mentions and bare URLs are neutralised, since a custom policy can come
// with the pull request.
var mdProseEscaper = strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;", "@", "@&#8203;",
	"://", ":&#8203;//", "www.", "www&#8203;.", "WWW.", "WWW&#8203;.")

func mdProse(s string) string { return mdProseEscaper.Replace(oneLine(clean(s))) }

// mdCell is text fit for a table cell.
func mdCell(s string) string { return mdText(s) }

// mdCode is a code span; backticks inside are replaced, since a path or
// position never needs them.
func mdCode(s string) string {
	return "`" + strings.ReplaceAll(truncateText(oneLine(clean(s)), mdMaxText), "`", "'") + "`"
}

// mdCodeCell is a code span in a table cell. GitHub splits table cells at
// every unescaped |, even inside a code span, and shows \| there as |.
func mdCodeCell(s string) string { return strings.ReplaceAll(mdCode(s), "|", `\|`) }

package adr

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"unicode"

	"github.com/archvet/archvet/internal/diag"
)

// view is what a template sees: one ADR, whichever kind.
type view struct {
	Number       int
	Title        string
	Status       string
	Date         string
	Owner        string
	Service      string
	Context      string
	Findings     []string
	Why          string
	Drivers      []string
	Options      []Option
	Outcome      string
	Consequences string
	Revisit      string
	// Chosen is the considered option the outcome names; Decided is
	// false for a proposed record, which has chosen nothing yet.
	Chosen      string
	Decided     bool
	HasProsCons bool
	// ReviewID is the decision's id in the design review (ADR-0001),
	// which need not be the number of the file archvet writes.
	ReviewID string
	// Source says where the decision comes from, as a Markdown sentence.
	Source string
	// Rule is set for a decision needed: the rule that asks for it.
	RuleID, RuleTitle, Topic string
	Marker                   string
}

var funcs = template.FuncMap{
	"capital": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
}

// The MADR layout. The title is the first line, as adr-tools reads it
// (adr list, adr generate toc and link texts take line 1 minus "# "), so
// status, date and deciders follow it as a list, the MADR 2 and log4brains
// form, instead of YAML front matter above it. Sections with nothing to
// say are left out.
var madr = template.Must(template.New("madr").Funcs(funcs).Parse(`# {{.Title}}

* Status: {{.Status}}
* Date: {{.Date}}
{{with .Owner}}* Deciders: {{.}}
{{end}}{{if .Number}}* Number: {{.Number}}
{{end}}{{with .ReviewID}}* Review id: {{.}}
{{end}}
{{if .RuleID -}}
## Context and Problem Statement

archvet rule {{.RuleID}} ({{.RuleTitle}}) finds this decision open in the design review of {{.Service}}:

{{range .Findings}}* {{.}}
{{end}}
{{.Why}}
{{- else}}{{with .Context}}
## Context and Problem Statement

{{.}}
{{end}}{{end}}
{{with .Drivers}}
## Decision Drivers

{{range .}}* {{.}}
{{end}}{{end}}{{with .Options}}
## Considered Options

{{range .}}* {{.Name}}
{{end}}{{end}}
## Decision Outcome

{{if .Chosen}}Chosen option: "{{.Chosen}}".{{else if .Decided}}Chosen option: not recorded in the design review.{{else}}Chosen option: not decided yet.{{end}}
{{- with .Outcome}}

{{if not $.Decided}}Proposed: {{end}}{{.}}{{end}}
{{- if .RuleID}} Choose one of the options above, write the choice and its reasons here, and record it in the design review's ` + "`decisions`" + ` list with topic ` + "`{{.Topic}}`" + `; ` + "`archvet check`" + ` then confirms rule {{.RuleID}} passes.{{end}}
{{with .Consequences}}
### Consequences

{{.}}
{{end}}{{if .HasProsCons}}
## Pros and Cons of the Options
{{range .Options}}{{if or .Pros .Cons}}
### {{.Name}}

{{range .Pros}}* Good, because {{.}}
{{end}}{{range .Cons}}* Bad, because {{.}}
{{end}}{{end}}{{end}}{{end}}
## More Information

{{.Source}}{{with .Revisit}} Revisit this decision by {{.}}.{{end}}

{{.Marker}}
`))

// Michael Nygard's layout: a numbered title, then status, context,
// decision and consequences.
var nygard = template.Must(template.New("nygard").Funcs(funcs).Parse(`# {{if .Number}}{{.Number}}. {{end}}{{.Title}}

Date: {{.Date}}

## Status

{{capital .Status}}

## Context

{{if .RuleID -}}
archvet rule {{.RuleID}} ({{.RuleTitle}}) finds this decision open in the design review of {{.Service}}:

{{range .Findings}}* {{.}}
{{end}}
{{.Why}}
{{- else}}{{with .Context}}{{.}}{{else}}The design review does not record the context of this decision.{{end}}{{end}}
{{with .Drivers}}
What matters most:

{{range .}}* {{.}}
{{end}}{{end}}{{with .Options}}
Options considered:

{{range .}}* {{.Name}}{{if or .Pros .Cons}} ({{range $i, $p := .Pros}}{{if $i}}; {{end}}+ {{$p}}{{end}}{{if and .Pros .Cons}}; {{end}}{{range $i, $c := .Cons}}{{if $i}}; {{end}}- {{$c}}{{end}}){{end}}
{{end}}{{end}}
## Decision

{{with .Outcome}}{{.}}{{else}}Not decided yet.{{if .RuleID}} Choose one of the options, write it here, and record it in the design review's ` + "`decisions`" + ` list with topic ` + "`{{.Topic}}`" + `; ` + "`archvet check`" + ` then confirms rule {{.RuleID}} passes.{{end}}{{end}}

## Consequences

{{with .Consequences}}{{.}}{{else}}{{if .Outcome}}Not recorded in the design review.{{else}}To be written once an option is chosen.{{end}}{{end}}{{with .Revisit}} Revisit this decision by {{.}}.{{end}}

{{.Source}}

{{.Marker}}
`))

var blankRuns = regexp.MustCompile(`\n{3,}`)

func render(tmpl Template, v view) ([]byte, error) {
	t := madr
	if tmpl == Nygard {
		t = nygard
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		return nil, err
	}
	out := blankRuns.ReplaceAll(buf.Bytes(), []byte("\n\n"))
	return append(bytes.TrimRight(out, "\n"), '\n'), nil
}

// designLink is a Markdown link from the ADR directory to the review.
func designLink(dir, design string) string {
	name := strings.NewReplacer("[", "\\[", "]", "\\]").Replace(line(filepath.Base(design)))
	rel, err := relative(dir, design)
	if err != nil {
		return name
	}
	// The path is the file's own name, which a pull request chooses:
	// escaped as a URL, it cannot end the link or break the line.
	return "[" + name + "](" + (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath() + ")"
}

func relative(dir, path string) (string, error) {
	a, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	b, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.Rel(a, b)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// neutral makes text from a design review safe to write into an ADR:
// invalid UTF-8 becomes U+FFFD, control characters (NUL, escapes, C1)
// and bidirectional overrides are dropped, line ends become \n, and < and
// > are escaped, so the text can hold no raw HTML and, above all, no
// comment that reads as archvet's own marker. Markdown is kept.
func neutral(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n', r == '\t':
			b.WriteRune(r)
		case r < 0x20, r >= 0x7f && r < 0xa0, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// line is neutral text on one line, for titles, names and list items.
func line(s string) string { return neutral(oneLine(s)) }

func lines(list []string) []string {
	var out []string
	for _, s := range list {
		if s = line(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func renderDecision(tmpl Template, n int, d Decision, in Input, dir string, mk Marker) ([]byte, error) {
	v := view{
		Number: n, Title: line(d.Title), Status: line(d.Status), Date: line(d.Date), Owner: line(in.Owner), Service: line(in.Service),
		Context: neutral(d.Context), Outcome: neutral(d.Outcome),
		Consequences: neutral(d.Consequences), Revisit: line(d.Revisit), Marker: mk.String(),
		ReviewID: line(d.ID),
		Source:   "The design review " + designLink(dir, in.Design) + " records this decision under review id " + line(d.ID) + ".",
	}
	if v.Status == "" {
		v.Status = "proposed"
	}
	if v.Date == "" {
		v.Date = in.Date
	}
	v.Decided = v.Status != "proposed"
	options := lines(d.Options)
	chosen := choose(options, v.Outcome)
	if chosen < 0 && v.Decided && v.Outcome != "" {
		// What was decided is not among the options the review lists; it
		// was considered all the same, so it is listed with them.
		options = append(options, oneLine(v.Outcome))
		chosen = len(options) - 1
	}
	for _, o := range options {
		v.Options = append(v.Options, Option{Name: o})
	}
	if chosen >= 0 && v.Decided {
		v.Chosen = options[chosen]
		if strings.EqualFold(oneLine(v.Outcome), v.Chosen) {
			v.Outcome = ""
		}
	}
	return render(tmpl, v)
}

// choose is the index of the option the outcome names: the one it spells
// out, else the one whose words it uses most (at least half of them);
// -1 when none stands out.
func choose(options []string, outcome string) int {
	text := strings.ToLower(oneLine(outcome))
	if text == "" {
		return -1
	}
	best, bestLen := -1, 0
	for i, o := range options {
		if o := strings.ToLower(o); strings.Contains(text, o) && len(o) > bestLen {
			best, bestLen = i, len(o)
		}
	}
	if best >= 0 {
		return best
	}
	said := map[string]bool{}
	for _, w := range words(text) {
		said[w] = true
	}
	best, bestScore, tie := -1, 0.0, false
	for i, o := range options {
		ws := words(strings.ToLower(o))
		if len(ws) == 0 {
			continue
		}
		hits := 0
		for _, w := range ws {
			if said[w] {
				hits++
			}
		}
		switch score := float64(hits) / float64(len(ws)); {
		case score > bestScore:
			best, bestScore, tie = i, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if tie || bestScore < 0.5 {
		return -1
	}
	return best
}

// stopWords carry no meaning when an outcome is matched to an option.
var stopWords = map[string]bool{"the": true, "and": true, "with": true, "for": true, "use": true, "from": true, "per": true, "into": true, "via": true, "not": true, "all": true}

// words are the meaningful words of a lower-cased text, plurals folded.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) < 3 || stopWords[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") {
			w = strings.TrimSuffix(w, "s")
		}
		out = append(out, w)
	}
	return out
}

func renderNeeded(tmpl Template, n int, nd Needed, in Input, dir string, mk Marker) ([]byte, error) {
	ruleID, ruleTitle := line(nd.RuleID), line(nd.RuleTitle)
	v := view{
		Number: n, Title: line(nd.Question), Status: "proposed", Date: in.Date, Owner: line(in.Owner), Service: line(in.Service),
		Why:     line(nd.Description),
		Drivers: lines(nd.Drivers), Marker: mk.String(),
		RuleID: ruleID, RuleTitle: ruleTitle, Topic: line(nd.Topic),
		Source: "Opened by archvet rule " + ruleID + ", *" + ruleTitle + "*, on the design review " +
			designLink(dir, in.Design) + ". `archvet explain " + ruleID + "` says why the rule matters and shows a design review that passes it.",
	}
	for _, o := range nd.Options {
		opt := Option{Name: line(o.Name), Pros: lines(o.Pros), Cons: lines(o.Cons)}
		v.HasProsCons = v.HasProsCons || len(opt.Pros)+len(opt.Cons) > 0
		v.Options = append(v.Options, opt)
	}
	for _, f := range nd.Findings {
		v.Findings = append(v.Findings, line(f.Message)+" ("+neutral(where(dir, f.Location))+")")
	}
	return render(tmpl, v)
}

// where is a finding's file:line:col, the file relative to the ADR
// directory so the ADR reads the same wherever archvet was run from.
func where(dir string, r diag.Range) string {
	name := r.Filename
	if rel, err := relative(dir, name); err == nil && name != "" {
		name = filepath.ToSlash(rel)
	}
	if !r.Start.Known() {
		return name
	}
	return fmt.Sprintf("%s:%d:%d", name, r.Start.Line, r.Start.Column)
}

package adr

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"gopkg.in/yaml.v3"

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
	// Source says where the decision comes from, as a Markdown sentence.
	Source string
	// Rule is set for a decision needed: the rule that asks for it.
	RuleID, RuleTitle, Topic string
	Marker                   string
}

var funcs = template.FuncMap{
	"yaml": func(s string) string {
		b, _ := yaml.Marshal(s)
		return strings.TrimSuffix(string(b), "\n")
	},
	"capital": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
}

// The MADR layout: front matter, then the problem, the drivers, the
// options, the outcome and its consequences.
var madr = template.Must(template.New("madr").Funcs(funcs).Parse(`---
status: {{.Status}}
date: {{.Date}}
decision-makers: {{yaml .Owner}}
---

# {{.Title}}

## Context and Problem Statement

{{if .RuleID -}}
archvet rule {{.RuleID}} ({{.RuleTitle}}) finds this decision open in the design review of {{.Service}}:

{{range .Findings}}* {{.}}
{{end}}
{{.Why}}
{{- else}}{{with .Context}}{{.}}{{else}}The design review does not record the context of this decision.{{end}}{{end}}

## Decision Drivers

{{range .Drivers}}* {{.}}
{{else}}* None recorded in the design review.
{{end}}
## Considered Options

{{range .Options}}* {{.Name}}
{{else}}* Only the chosen option is recorded in the design review.
{{end}}
## Decision Outcome

{{with .Outcome}}Chosen option: {{.}}{{else}}Not decided yet.{{if .RuleID}} Choose one of the options above, write the choice and its reasons here, and record it in the design review's ` + "`decisions`" + ` list with topic ` + "`{{.Topic}}`" + `; ` + "`archvet check`" + ` then confirms rule {{.RuleID}} passes.{{end}}{{end}}

### Consequences

{{with .Consequences}}{{.}}{{else}}{{if .Outcome}}Not recorded in the design review.{{else}}To be written once an option is chosen.{{end}}{{end}}
{{if .RuleID}}
## Pros and Cons of the Options
{{range .Options}}
### {{.Name}}

{{range .Pros}}* Good, because {{.}}
{{end}}{{range .Cons}}* Bad, because {{.}}
{{end}}{{if not (or .Pros .Cons)}}* No pros or cons are listed for this option.
{{end}}{{end}}{{end}}
## More Information

{{.Source}}{{with .Revisit}} Revisit this decision by {{.}}.{{end}}

{{.Marker}}
`))

// Michael Nygard's layout: a numbered title, then status, context,
// decision and consequences.
var nygard = template.Must(template.New("nygard").Funcs(funcs).Parse(`# {{.Number}}. {{.Title}}

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
	name := filepath.Base(design)
	rel, err := relative(dir, design)
	if err != nil {
		return "`" + filepath.ToSlash(design) + "`"
	}
	return "[" + name + "](" + filepath.ToSlash(rel) + ")"
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

func renderDecision(tmpl Template, n int, d Decision, in Input, dir string, mk Marker) ([]byte, error) {
	v := view{
		Number: n, Title: oneLine(d.Title), Status: d.Status, Date: d.Date, Owner: in.Owner, Service: in.Service,
		Context: strings.TrimSpace(d.Context), Outcome: strings.TrimSpace(d.Outcome),
		Consequences: strings.TrimSpace(d.Consequences), Revisit: d.Revisit, Marker: mk.String(),
		Source: "Recorded as " + d.ID + " in the design review " + designLink(dir, in.Design) + ".",
	}
	if v.Status == "" {
		v.Status = "proposed"
	}
	if v.Date == "" {
		v.Date = in.Date
	}
	for _, o := range d.Options {
		v.Options = append(v.Options, Option{Name: o})
	}
	return render(tmpl, v)
}

func renderNeeded(tmpl Template, n int, nd Needed, in Input, dir string, mk Marker) ([]byte, error) {
	v := view{
		Number: n, Title: oneLine(nd.Question), Status: "proposed", Date: in.Date, Owner: in.Owner, Service: in.Service,
		Why:     oneLine(nd.Description),
		Drivers: nd.Drivers, Options: nd.Options, Marker: mk.String(),
		RuleID: nd.RuleID, RuleTitle: nd.RuleTitle, Topic: nd.Topic,
		Source: "Opened by archvet rule " + nd.RuleID + ", *" + nd.RuleTitle + "*, on the design review " +
			designLink(dir, in.Design) + ". `archvet explain " + nd.RuleID + "` says why the rule matters and shows a design review that passes it.",
	}
	for _, f := range nd.Findings {
		v.Findings = append(v.Findings, f.Message+" ("+where(dir, f.Location)+")")
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

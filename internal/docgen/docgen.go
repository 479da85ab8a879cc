// Package docgen writes the reference documents that are derived from the
// schema and the rule metadata, so they can never drift from them:
// docs/format.md, docs/design-review.schema.json and docs/rules.md.
// `go generate ./...` rewrites them; a test fails when they are stale.
package docgen

//go:generate go test . -run TestDocsUpToDate -update

import (
	"fmt"
	"strings"

	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/rules"
)

// FormatMarkdown renders docs/format.md from the schema.
func FormatMarkdown() (string, error) {
	fields, err := schema.Fields()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(`# The design-review format, version 1

<!-- Generated from internal/schema/design-review.schema.yaml by ` + "`go generate ./internal/docgen`" + `. Do not edit. -->

A design review describes one service. Write it in YAML, in HCL, or as the
YAML front matter of a Markdown design doc; the spellings are equivalent and
give identical results. Every section but ` + "`format_version`" + ` and
` + "`service`" + ` is optional, but a section the design does not fill in is
usually a finding: a design that does not say is not ready.

Editors complete and check fields with the JSON Schema that
` + "`archvet schema`" + ` prints (also in ` + "`docs/design-review.schema.json`" + `);
start YAML files with the modeline
` + "`# yaml-language-server: $schema=<path to the schema>`" + `.

## YAML and HCL

A YAML list of objects is written in HCL as repeated blocks whose label is
the entry's name (the *HCL block* column below):

` + "```yaml" + `
dependencies:
  - name: payments
    timeout_ms: 800
` + "```" + `

` + "```hcl" + `
dependency "payments" {
  timeout_ms = 800
}
` + "```" + `

A YAML object is an HCL block without a label (` + "`service { ... }`" + `), or
an attribute with an object value. HCL variables and functions are not
allowed: a design review is data.

Unknown fields are warnings with a did-you-mean suggestion; a value of the
wrong type, or a missing required field, is an error (exit code 2) at the
field's line and column.

## Fields

| field | type | HCL block | description |
|---|---|---|---|
`)
	for _, f := range fields {
		name := "`" + f.Path + "`"
		if f.Required {
			name += " (required)"
		}
		block := ""
		if f.HCLBlock != "" {
			block = fmt.Sprintf("`%s \"<%s>\"`", f.HCLBlock, f.HCLLabel)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name, f.Type, block, escape(f.Description))
	}
	return b.String(), nil
}

// RulesMarkdown renders docs/rules.md from the catalogue's metadata.
func RulesMarkdown(cat *rules.Catalogue) string {
	var b strings.Builder
	b.WriteString("# The rule catalogue\n\n")
	b.WriteString("<!-- Generated from the METADATA of policies/ by `go generate ./internal/docgen`. Do not edit. -->\n\n")
	fmt.Fprintf(&b, "%d rules. `archvet explain ID` prints any of them in full, with a design review that passes it.\n\n", len(cat.Rules))
	for _, fw := range rules.Frameworks {
		n := 0
		for _, r := range cat.Rules {
			if r.In(fw.ID) {
				n++
			}
		}
		fmt.Fprintf(&b, "- %s (`%s`): %d rules\n", fw.Name, fw.ID, n)
	}
	b.WriteString("\n| id | title | severity | level | frameworks |\n|---|---|---|---|---|\n")
	for _, r := range cat.Rules {
		var fws []string
		for _, m := range r.Frameworks {
			fws = append(fws, m.Framework+": "+m.Category)
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s |\n", r.ID, strings.ToLower(r.ID), escape(r.Title), r.Severity, r.Level, strings.Join(fws, "<br>"))
	}
	for _, r := range cat.Rules {
		fmt.Fprintf(&b, "\n## %s\n\n**%s**\n\n", r.ID, r.Title)
		fmt.Fprintf(&b, "Severity %s, level %s. Applies when: %s\n\n", r.Severity, r.Level, oneLine(r.Applicability))
		fmt.Fprintf(&b, "%s\n\n**Fix.** %s\n\n", oneLine(r.Description), oneLine(r.Remediation))
		if r.Example != "" {
			fmt.Fprintf(&b, "```yaml\n%s\n```\n\n", strings.TrimRight(r.Example, "\n"))
		}
		b.WriteString("References:\n")
		for _, ref := range r.References {
			fmt.Fprintf(&b, "- [%s](%s)\n", ref.Description, ref.URL)
		}
		fmt.Fprintf(&b, "\nPolicy: `%s`\n", r.File)
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func escape(s string) string { return strings.ReplaceAll(oneLine(s), "|", "\\|") }

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

## Markdown design docs

A design doc carries its review either in the first fenced block whose
info string is ` + "`yaml archvet`" + ` or, when it has none, as YAML front matter
(between ` + "`---`" + ` lines at the top of the file). The explicit block wins
because a docs site may use the front matter for its own title and layout. Findings point at lines of the
Markdown file. ` + "`archvet check DIR`" + ` picks up a ` + "`.md`" + ` file only when that
front matter or block sets ` + "`format_version`" + `; other Markdown is skipped.
` + "`archvet init --format md`" + ` writes a design-doc skeleton with the review
in its front matter.

## Imports

` + "`imports`" + ` names files the team already keeps; their facts are merged
into the review before it is validated and checked. Paths are relative to
the review, and must stay inside its repository (the nearest directory
above the review that holds ` + "`.git`" + `; the review's own directory when there
is none): an absolute path, a ` + "`../`" + ` path or a symlink that leads out of it
is an error at the ` + "`imports`" + ` entry, and the file is never opened. The
error says only that the path is outside, whether or not a file is there,
so a pull request cannot use a review to read or probe the CI runner's
files. Imported files are read only when they are regular files of at
most 10 MiB. A fact written in the review always wins: an imported value
fills a field only when the review leaves it out, and an imported list
entry is added only when the review has no entry of that name (an entry
of the same name gets only the fields it lacks). A finding
about an imported fact points into the imported file, at the value it came
from. A missing import is an error at its ` + "`imports`" + ` entry; an imported
file that does not parse, or has a value of the wrong type, is an error at
that line of the imported file. Files may hold several YAML documents
separated by ` + "`---`" + `, or a list of objects at the top level (the form
OpenSLO's SDK and ` + "`oslo`" + ` also read).

**Backstage** (` + "`imports.backstage`" + `, a ` + "`catalog-info.yaml`" + `): the
` + "`Component`" + ` entity named like ` + "`service.name`" + `. When the review names no
service, the file's only Component (several are an error: say which one
with ` + "`service.name`" + `). A file whose Component has another name describes
another component: that is a warning at the ` + "`imports`" + ` entry and nothing
is imported from it.

| Backstage | design review |
|---|---|
| ` + "`metadata.name`" + ` | ` + "`service.name`" + ` |
| ` + "`spec.owner`" + ` (` + "`group:default/team-x`" + ` is ` + "`team-x`" + `) | ` + "`service.owner`" + ` |
| ` + "`spec.lifecycle`" + ` (` + "`experimental`" + `, ` + "`production`" + `, ` + "`deprecated`" + `; other values are a warning) | ` + "`service.lifecycle`" + ` |
| ` + "`spec.system`" + ` | ` + "`service.system`" + ` |
| ` + "`spec.dependsOn`" + `: ` + "`component:x`" + ` | ` + "`dependencies`" + ` entry ` + "`x`" + `, kind ` + "`internal-service`" + ` |
| ` + "`spec.dependsOn`" + `: ` + "`resource:y`" + ` | ` + "`data_stores`" + ` entry ` + "`y`" + ` |
| ` + "`spec.providesApis`" + ` | ` + "`apis`" + ` entries |
| ` + "`spec.consumesApis`" + ` | ` + "`dependencies`" + ` entries |
| ` + "`spec.dependencyOf`" + `: ` + "`component:x`" + ` | ` + "`service.clients`" + ` entry ` + "`x`" + `, kind ` + "`internal-service`" + ` |

` + "`dependencyOf`" + ` lists the components that depend on this one, so they call
it: they are its clients. Other kinds in ` + "`dependencyOf`" + ` (a resource, a
system) are a warning and are not imported; so are ` + "`dependsOn`" + ` entries of
kinds other than component and resource.

Backstage has no tier; ` + "`service.tier`" + ` stays in the review.

**OpenSLO** (` + "`imports.openslo`" + `, a list of files): every document of kind
` + "`SLO`" + `; other kinds (SLI, AlertPolicy, Service...) are skipped, and a file
that holds no SLO at all is a warning, not an error, so a team can list
all its OpenSLO files.

| OpenSLO | design review |
|---|---|
| ` + "`metadata.name`" + ` | ` + "`slos[].name`" + ` |
| ` + "`spec.objectives[0].target`" + ` (0 to 1) | ` + "`slos[].objective_percent`" + ` (times 100) |
| ` + "`spec.objectives[0].targetPercent`" + ` | ` + "`slos[].objective_percent`" + ` |
| ` + "`spec.timeWindow[0].duration`" + ` (` + "`28d`" + `, ` + "`4w`" + `, ` + "`1M`" + ` as 30 days) | ` + "`slos[].window_days`" + ` |
| ` + "`spec.timeWindows[0].count`" + ` and ` + "`unit`" + ` (v1alpha: ` + "`28`" + ` ` + "`Day`" + `, ` + "`2`" + ` ` + "`Week`" + `) | ` + "`slos[].window_days`" + ` |
| the indicator's name (` + "`indicator`" + `, ` + "`indicatorRef`" + `, v2alpha ` + "`sli`" + `, ` + "`sliRef`" + `), else the SLO's, containing ` + "`latency`" + ` or ` + "`availability`" + ` | ` + "`slos[].sli`" + ` |

Only the first objective and the first window are read; a window that is
not a whole number of days (` + "`1m`" + `, ` + "`6 Hour`" + `) is a warning and gives no
` + "`window_days`" + `. ` + "`budgetingMethod`" + ` has no field in the
format and is not imported.

**Score** (` + "`imports.score`" + `, a ` + "`score.yaml`" + ` workload):

| Score | design review |
|---|---|
| ` + "`containers.*.livenessProbe`" + ` (HTTP path or command) | ` + "`processes.health_checks.liveness`" + ` |
| ` + "`containers.*.readinessProbe`" + ` | ` + "`processes.health_checks.readiness`" + ` |
| ` + "`service.ports`" + `, first port: ` + "`targetPort`" + `, else ` + "`port`" + ` | ` + "`processes.port_binding.port`" + ` |
| ` + "`resources.*`" + ` of type ` + "`postgres`" + `, ` + "`mysql`" + `, ` + "`mariadb`" + `, ` + "`mssql`" + ` | ` + "`data_stores`" + ` entry, kind ` + "`relational`" + ` |
| ` + "`resources.*`" + ` of type ` + "`mongodb`" + ` | ` + "`data_stores`" + ` entry, kind ` + "`document`" + ` |
| ` + "`resources.*`" + ` of type ` + "`redis`" + `, ` + "`valkey`" + `, ` + "`dynamodb`" + ` | ` + "`data_stores`" + ` entry, kind ` + "`key-value`" + ` |
| ` + "`resources.*`" + ` of type ` + "`memcached`" + ` | ` + "`data_stores`" + ` entry, kind ` + "`cache`" + ` |
| ` + "`resources.*`" + ` of type ` + "`elasticsearch`" + `, ` + "`opensearch`" + ` | ` + "`data_stores`" + ` entry, kind ` + "`search`" + ` |
| ` + "`resources.*`" + ` of type ` + "`s3`" + `, ` + "`bucket`" + ` | ` + "`data_stores`" + ` entry, kind ` + "`object`" + ` |
| ` + "`resources.*`" + ` of type ` + "`kafka`" + `, ` + "`kafka-topic`" + ` | ` + "`data_stores`" + ` entry, kind ` + "`stream`" + ` |
| ` + "`resources.*`" + ` of type ` + "`rabbitmq`" + `, ` + "`amqp`" + `, ` + "`sqs`" + ` | ` + "`data_stores`" + ` entry, kind ` + "`queue`" + ` |
| ` + "`resources.*`" + ` of type ` + "`service-port`" + ` | ` + "`dependencies`" + ` entry named by ` + "`params.workload`" + `, kind ` + "`internal-service`" + ` |

Probes are read from the first container, in file order, that has them.
A ` + "`service-port`" + ` resource is a dependency on another workload's port;
one without ` + "`params.workload`" + ` is a warning. Other resource types (` + "`dns`" + `,
` + "`route`" + `, ` + "`volume`" + `...) are not data stores and are skipped, and container resource requests and limits have no
field in the format.

` + artefactsSection() + `## Fields

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
	b.WriteString("\n")
	b.WriteString(RulesTable(cat.Rules, true))
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

// RulesTable renders rules as a Markdown table, as docs/rules.md and
// `archvet rules --format markdown` show them. With anchors, each id links
// to its section of docs/rules.md.
func RulesTable(list []*rules.Rule, anchors bool) string {
	var b strings.Builder
	b.WriteString("| id | title | severity | level | frameworks |\n|---|---|---|---|---|\n")
	for _, r := range list {
		var fws []string
		for _, m := range r.Frameworks {
			fws = append(fws, m.Framework+": "+m.Category)
		}
		id := r.ID
		if anchors {
			id = fmt.Sprintf("[%s](#%s)", r.ID, strings.ToLower(r.ID))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", id, escape(r.Title), r.Severity, r.Level, strings.Join(fws, "<br>"))
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func escape(s string) string { return strings.ReplaceAll(oneLine(s), "|", "\\|") }

// Package scaffold writes a starter design review: every section of the
// format, each field commented with what it means and which rules read
// it. Only the four required service facts are live values, so a fresh
// scaffold validates cleanly and `archvet check` lists exactly what the
// team still has to decide.
package scaffold

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"

	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/schema"
)

// Options say what to scaffold.
type Options struct {
	Format document.Format // YAML, HCL or Markdown
	Name   string          // service.name
	Owner  string          // service.owner
	Tier   int             // service.tier, 0 to 3
	// File is the name the scaffold is written to, quoted in its header.
	File string
	// Readers maps field paths to the rules that read them (see Readers).
	Readers map[string][]string
}

// DefaultFile is the file `archvet init` writes for a format.
func DefaultFile(f document.Format) string {
	switch f {
	case document.HCL:
		return "design.hcl"
	case document.Markdown:
		return "design.md"
	}
	return "design.yaml"
}

// live lists the only fields a scaffold sets. Everything else is the
// team's to decide.
var live = map[string]bool{
	"format_version": true,
	"service":        true,
	"service.name":   true,
	"service.owner":  true,
	"service.tier":   true,
}

// Render returns the scaffold's text.
func Render(o Options) ([]byte, error) {
	if o.Tier < 0 || o.Tier > 3 {
		return nil, fmt.Errorf("tier %d: want 0 to 3", o.Tier)
	}
	if strings.TrimSpace(o.Name) == "" || strings.TrimSpace(o.Owner) == "" {
		return nil, fmt.Errorf("the service needs a name and an owner")
	}
	fields, err := schema.Fields()
	if err != nil {
		return nil, err
	}
	root := buildTree(fields)
	switch o.Format {
	case document.YAML:
		return []byte(renderYAML(root, o, true)), nil
	case document.HCL:
		return renderHCL(root, o), nil
	case document.Markdown:
		return []byte(renderMarkdown(root, o)), nil
	}
	return nil, fmt.Errorf("unknown format %q", o.Format)
}

type nodeKind int

const (
	leaf nodeKind = iota
	object
	objectList
)

type node struct {
	doc      schema.FieldDoc
	key      string
	kind     nodeKind
	children []*node
}

func buildTree(fields []schema.FieldDoc) *node {
	root := &node{kind: object}
	byPath := map[string]*node{"": root}
	for _, f := range fields {
		n := &node{doc: f, key: f.Path[strings.LastIndex(f.Path, ".")+1:]}
		switch f.Type {
		case "object":
			n.kind = object
		case "list of objects":
			n.kind = objectList
		}
		parent := ""
		if i := strings.LastIndex(f.Path, "."); i >= 0 {
			parent = strings.TrimSuffix(f.Path[:i], "[]")
		}
		p := byPath[parent]
		if p == nil {
			p = root
		}
		p.children = append(p.children, n)
		byPath[f.Path] = n
	}
	return root
}

// isLive reports whether a node is written as a value rather than as a
// comment.
func (n *node) isLive() bool { return live[n.doc.Path] }

// --- comments -------------------------------------------------------------

const width = 79

// about is the comment above a field: its meaning and the rules that read
// it.
func about(n *node, readers map[string][]string) []string {
	text := strings.TrimSpace(n.doc.Description)
	if text != "" && !strings.HasSuffix(text, ".") {
		text += "."
	}
	if ids := readers[n.doc.Path]; len(ids) > 0 {
		const shown = 8
		list := strings.Join(ids, ", ")
		if len(ids) > shown {
			list = strings.Join(ids[:shown], ", ") + fmt.Sprintf(" and %d more", len(ids)-shown)
		}
		text += " Rules: " + list + "."
	}
	return []string{strings.TrimSpace(text)}
}

// wrap breaks text into lines that fit in width once prefixed.
func wrap(text string, room int) []string {
	if room < 30 {
		room = 30
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > room {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// --- placeholders ---------------------------------------------------------

var backticked = regexp.MustCompile("`([^`]*)`")

// placeholder spells what a field takes, e.g. <integer ≥ 0> or
// <sync | async>. quote is set for HCL, where string placeholders are
// quoted as string values are.
func placeholder(typ string, quote bool) string {
	q := func(s string) string {
		if quote {
			return `"` + s + `"`
		}
		return s
	}
	if rest, ok := strings.CutPrefix(typ, "list of "); ok {
		return "[" + placeholder(rest, quote) + "]"
	}
	if m := backticked.FindAllStringSubmatch(typ, -1); len(m) > 0 {
		vals := make([]string, len(m))
		for i, v := range m {
			vals[i] = v[1]
		}
		return q("<" + strings.Join(vals, " | ") + ">")
	}
	switch {
	case typ == "boolean":
		return "<true | false>"
	case strings.HasPrefix(typ, "date"):
		return q("<YYYY-MM-DD>")
	case strings.HasPrefix(typ, "integer"), strings.HasPrefix(typ, "number"):
		return "<" + typ + ">"
	}
	return q("<" + typ + ">")
}

// --- YAML -----------------------------------------------------------------

// yamlWriter writes lines that are either live or inside a comment block
// opened at column len(base).
type yamlWriter struct {
	b       *strings.Builder
	readers map[string][]string
}

type at struct {
	base      string // indentation of the "# " of a commented block
	inner     string // indentation inside the line (after "# " when commented)
	commented bool
}

func (a at) prefix() string {
	if a.commented {
		return a.base + "# " + a.inner
	}
	return a.inner
}

func (a at) indented() at {
	a.inner += "  "
	return a
}

// comment opens a commented block here, unless already in one.
func (a at) comment() at {
	if !a.commented {
		a.base, a.inner, a.commented = a.inner, "", true
	}
	return a
}

func (w *yamlWriter) line(a at, s string) {
	w.b.WriteString(strings.TrimRight(a.prefix()+s, " "))
	w.b.WriteByte('\n')
}

func (w *yamlWriter) about(a at, n *node) {
	p := a.prefix() + "# "
	for _, para := range about(n, w.readers) {
		for _, l := range wrap(para, width-len(p)) {
			w.line(a, "# "+l)
		}
	}
}

func yamlScalar(v any) string {
	b, _ := yaml.Marshal(v)
	return strings.TrimSuffix(string(b), "\n")
}

func (w *yamlWriter) field(a at, n *node, o Options, dash bool) {
	if !n.isLive() {
		a = a.comment()
	}
	lead := ""
	if dash {
		lead = "- "
	}
	switch n.kind {
	case leaf:
		w.line(a, lead+n.key+": "+leafValue(n, o, func(s string) string { return yamlScalar(s) }, false))
	case object:
		w.line(a, lead+n.key+":")
		w.children(a.indented(), n, o)
	case objectList:
		w.line(a, lead+n.key+":")
		item := a.indented()
		for i, c := range n.children {
			w.about(item.indented(), c)
			if i == 0 {
				w.field(item, c, o, true)
			} else {
				w.field(item.indented(), c, o, false)
			}
		}
	}
}

func (w *yamlWriter) children(a at, n *node, o Options) {
	for _, c := range n.children {
		w.about(a, c)
		w.field(a, c, o, false)
	}
}

// header is the opening comment of a scaffold.
func header(o Options) []string {
	return wrap(fmt.Sprintf("Design review of %s, started with `archvet init`. "+
		"Every section of the design-review format is here, but only the service's name, owner and tier are set: "+
		"everything else is commented out for the team to decide. "+
		"To fill in a field, uncomment it, replace the <placeholder>, and run `archvet check %s` again. "+
		"The comment above each field says what it means and which rules read it; "+
		"`archvet explain ID` says why a rule matters and how to satisfy it. "+
		"docs/format.md documents every field, and `archvet schema` prints the JSON Schema for editors.",
		o.Name, o.File), width-2)
}

func renderYAML(root *node, o Options, withHeader bool) string {
	var b strings.Builder
	if withHeader {
		for _, l := range header(o) {
			b.WriteString("# " + l + "\n")
		}
	}
	w := &yamlWriter{b: &b, readers: o.Readers}
	for _, c := range root.children {
		b.WriteByte('\n')
		w.about(at{}, c)
		w.field(at{}, c, o, false)
	}
	return b.String()
}

// --- HCL ------------------------------------------------------------------

func hclString(s string) string {
	return strings.TrimSpace(string(hclwrite.TokensForValue(cty.StringVal(s)).Bytes()))
}

type hclWriter struct {
	yamlWriter
}

func (w *hclWriter) field(a at, n *node, o Options) {
	if !n.isLive() {
		a = a.comment()
	}
	switch n.kind {
	case leaf:
		w.line(a, n.key+" = "+leafValue(n, o, hclString, true))
	case object:
		w.line(a, n.key+" {")
		w.children(a.indented(), n.children, o)
		w.line(a, "}")
	case objectList:
		// A list entry is a block labelled by its label field, which is
		// therefore not repeated inside the block.
		var rest []*node
		for _, c := range n.children {
			if c.key != n.doc.HCLLabel {
				rest = append(rest, c)
			}
		}
		w.line(a, fmt.Sprintf("%s \"<%s>\" {", n.doc.HCLBlock, n.doc.HCLLabel))
		w.children(a.indented(), rest, o)
		w.line(a, "}")
	}
}

func (w *hclWriter) about(a at, n *node) {
	w.yamlWriter.about(a, n)
	if n.kind == objectList {
		for _, c := range n.children {
			if c.key == n.doc.HCLLabel {
				p := a.prefix() + "# "
				for _, l := range wrap(fmt.Sprintf("The block label is the %s: %s", c.key, strings.TrimSpace(c.doc.Description)), width-len(p)) {
					w.line(a, "# "+l)
				}
			}
		}
	}
}

func (w *hclWriter) children(a at, list []*node, o Options) {
	for i, c := range list {
		if i > 0 && (c.kind != leaf || list[i-1].kind != leaf) {
			w.line(a, "")
		}
		w.about(a, c)
		w.field(a, c, o)
	}
}

func renderHCL(root *node, o Options) []byte {
	var b strings.Builder
	for _, l := range header(o) {
		b.WriteString("# " + l + "\n")
	}
	w := &hclWriter{yamlWriter{b: &b, readers: o.Readers}}
	for _, c := range root.children {
		b.WriteByte('\n')
		w.about(at{}, c)
		w.field(at{}, c, o)
	}
	return hclwrite.Format([]byte(b.String()))
}

// --- Markdown -------------------------------------------------------------

// sections is the design-doc skeleton under the front matter: each
// heading with one line saying what belongs there.
var sections = []struct{ heading, guidance string }{
	{"## Context", "What problem this service solves, for whom, and what exists today; link the incidents, requests or numbers that make it worth building now."},
	{"## Goals and non-goals", "Goals are outcomes someone can verify after launch; non-goals are what a reader might expect from this design and it deliberately leaves out."},
	{"## Design", "How the service works: its components, the APIs it offers, the data it keeps and the path of a typical request, ideally with one diagram."},
	{"## Alternatives considered", "The other approaches that were on the table and why each lost; record the significant choices under `decisions` in the front matter, and `archvet adr` turns them into ADRs."},
	{"## Cross-cutting concerns", "The concerns every service shares; the front matter holds the facts archvet checks, and this section holds the reasoning behind them."},
	{"### Security", "Who may call the service, how callers prove who they are, and what an attacker would want from it."},
	{"### Privacy", "Which personal data the service keeps, why, for how long, and how one person's data is erased on request."},
	{"### Observability", "How the team will know the service is healthy: its SLOs, dashboards, alerts and who is paged."},
	{"### Reliability and recovery", "What the service does when each dependency fails, and how it comes back after losing a zone, a region or its data."},
	{"### Cost", "What the service will cost each month and per unit of business, and what makes that cost grow."},
}

func renderMarkdown(root *node, o Options) string {
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString(renderYAML(root, o, true))
	b.WriteString("---\n\n")
	fmt.Fprintf(&b, "# %s\n\n", o.Name)
	b.WriteString("_One paragraph: what the service is and why it is being built now. " +
		"The review above, in the front matter, is what `archvet check` reads; the prose below is for people._\n")
	for _, s := range sections {
		fmt.Fprintf(&b, "\n%s\n\n_%s_\n", s.heading, s.guidance)
	}
	return b.String()
}

// leafValue renders a leaf: the few live fields from the options, a
// commented placeholder for everything the team still has to decide.
func leafValue(n *node, o Options, quote func(string) string, hcl bool) string {
	switch n.doc.Path {
	case "format_version":
		return "1"
	case "service.name":
		return quote(o.Name)
	case "service.owner":
		return quote(o.Owner)
	case "service.tier":
		return strconv.Itoa(o.Tier)
	}
	return placeholder(n.doc.Type, hcl)
}

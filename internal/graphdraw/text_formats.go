package graphdraw

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/archvet/archvet/internal/system"
)

// Mermaid writes the graph as a Mermaid flowchart, top to bottom, one
// subgraph per tier so tier 0 is drawn first: the text GitHub renders
// inside a ```mermaid block. Labels are written with Mermaid's entity
// codes for every character but letters, digits and a few safe marks, so
// no name can close a label, start a new statement, end the code block or
// inject markup.
func Mermaid(w io.Writer, g system.Graph, o Options) error {
	d := resolve(g, o)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("flowchart TB\n")
	for r, ranked := range d.ranks {
		p("  subgraph t%d[\"%s\"]\n", r, mermaidText(tierName(d.tiers[r])))
		p("    direction LR\n")
		for _, n := range ranked {
			nd := d.nodes[n]
			p("    %s[\"%s<br/>%s\"]\n", nd.id, mermaidText(label(nd.name, 40)), mermaidText(nd.caption()))
		}
		p("  end\n")
	}
	var failing []int
	for i, e := range d.edges {
		arrow := "-->"
		switch {
		case e.failing:
			arrow = "==>"
			failing = append(failing, i)
		case !e.hard || !e.sync:
			arrow = "-.->"
		}
		p("  %s %s %s\n", d.nodes[e.from].id, arrow, d.nodes[e.to].id)
	}
	// Invisible links chain the tiers top to bottom, after the real ones
	// so that linkStyle's numbers stay theirs.
	for r := 1; r < len(d.ranks); r++ {
		p("  t%d ~~~ t%d\n", r-1, r)
	}
	classes := map[string][]string{}
	for _, n := range d.nodes {
		c := "noverdict"
		switch {
		case n.unreviewed:
			c = "unreviewed"
		case n.verdict == Ready:
			c = "ready"
		case n.verdict == Conditional:
			c = "conditional"
		case n.verdict == NotReady:
			c = "notready"
		}
		classes[c] = append(classes[c], n.id)
	}
	p("  classDef ready fill:%s,stroke:%s,color:#fff\n", fills[Ready], fills[Ready])
	p("  classDef conditional fill:%s,stroke:%s,color:#fff\n", fills[Conditional], fills[Conditional])
	p("  classDef notready fill:%s,stroke:%s,color:#fff\n", fills[NotReady], fills[NotReady])
	p("  classDef noverdict fill:%s,stroke:#8795a8,color:%s\n", noVerdictFill, ink)
	p("  classDef unreviewed fill:#fff,stroke:%s,stroke-dasharray:4 3,color:%s\n", muted, ink)
	for _, c := range []string{"ready", "conditional", "notready", "noverdict", "unreviewed"} {
		if ids := classes[c]; len(ids) > 0 {
			p("  class %s %s\n", strings.Join(ids, ","), c)
		}
	}
	if len(failing) > 0 {
		ids := make([]string, len(failing))
		for i, f := range failing {
			ids[i] = strconv.Itoa(f)
		}
		p("  linkStyle %s stroke:%s,stroke-width:3px\n", strings.Join(ids, ","), failColour)
	}
	return bw.Flush()
}

// mermaidText writes s for a quoted Mermaid label: letters, digits,
// space and - _ . / : , as they are, everything else as #code; (the
// decimal entity codes Mermaid reads in labels).
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range clean(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
			r == ' ', r == '-', r == '_', r == '.', r == '/', r == ':', r == ',':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "#%d;", r)
		}
	}
	return b.String()
}

// DOT writes the graph in Graphviz's language: one rank=same group per
// tier, chained by invisible edges so tier 0 is on top, nodes filled by
// verdict and failing dependency entries drawn red and bold. Names are
// only ever inside quoted strings, escaped.
func DOT(w io.Writer, g system.Graph, o Options) error {
	d := resolve(g, o)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	title := o.Title
	if title == "" {
		title = "Service graph"
	}
	p("digraph system {\n")
	p("  label=%s;\n  labelloc=t;\n  rankdir=TB;\n  newrank=true;\n", dotString(title))
	p("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n")
	p("  edge [color=%s];\n", dotString(edgeColour))
	for r, ranked := range d.ranks {
		p("  { rank=same; t%d [shape=plaintext, style=\"\", label=%s];", r, dotString(tierName(d.tiers[r])))
		for _, n := range ranked {
			p(" %s;", d.nodes[n].id)
		}
		p(" }\n")
	}
	for r := 1; r < len(d.ranks); r++ {
		p("  t%d -> t%d [style=invis];\n", r-1, r)
	}
	for _, n := range d.nodes {
		fill, font, style := noVerdictFill, ink, "rounded,filled"
		if c, ok := fills[n.verdict]; ok {
			fill, font = c, "#ffffff"
		}
		if n.unreviewed {
			fill, style = "#ffffff", "rounded,dashed"
		}
		p("  %s [label=%s, tooltip=%s, fillcolor=%s, fontcolor=%s, style=%s];\n", n.id,
			dotString(label(n.name, 40)+"\n"+n.caption()), dotString(n.name+": "+nodeState(n)), dotString(fill), dotString(font), dotString(style))
	}
	for _, e := range d.edges {
		attrs := []string{"tooltip=" + dotString(d.nodes[e.from].name+" -> "+d.nodes[e.to].name+" ("+edgeWhat(e)+")")}
		if !e.hard || !e.sync {
			attrs = append(attrs, "style=dashed")
		}
		if e.failing {
			attrs = append(attrs, "color="+dotString(failColour), "penwidth=2.5")
		}
		p("  %s -> %s [%s];\n", d.nodes[e.from].id, d.nodes[e.to].id, strings.Join(attrs, ", "))
	}
	p("}\n")
	return bw.Flush()
}

func nodeState(n node) string {
	if n.unreviewed {
		return "no review in this run"
	}
	return verdictText(n.verdict)
}

// dotString quotes s as a DOT string. Inside quotes DOT gives meaning to
// the quote, and Graphviz's labels to backslash sequences (\N, \G, \l):
// both are escaped, so a name reads as itself. The newline is the one
// the drawing puts between a name and its caption.
func dotString(s string) string {
	parts := strings.Split(s, "\n")
	for i, part := range parts {
		part = clean(part)
		part = strings.ReplaceAll(part, `\`, `\\`)
		parts[i] = strings.ReplaceAll(part, `"`, `\"`)
	}
	return `"` + strings.Join(parts, `\n`) + `"`
}

package scaffold

import (
	"fmt"
	"sort"
	"strings"

	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/schema"
)

// RenderDraft writes a drafted review as YAML, or as a Markdown design
// doc with the review in its front matter. Each filled field carries a
// comment naming the file and line it came from; every field no file
// answers is a commented placeholder, as in a starter, so the open
// questions are what is left to write.
func RenderDraft(o Options, d *Draft) ([]byte, error) {
	if o.Format == document.HCL {
		return nil, fmt.Errorf("a draft from --from is written as YAML or Markdown")
	}
	fields, err := schema.Fields()
	if err != nil {
		return nil, err
	}
	root := buildTree(fields)
	var b strings.Builder
	for _, l := range draftHeader(o, d) {
		b.WriteString("# " + l + "\n")
	}
	w := &draftWriter{yamlWriter: yamlWriter{b: &b, readers: o.Readers}, d: d, o: o}
	for _, c := range root.children {
		b.WriteByte('\n')
		w.about(at{}, c)
		if v, ok := d.Value[c.key]; ok {
			w.value(at{}, c, v, c.key, false)
		} else {
			w.field(at{}, c, o, false)
		}
	}
	if o.Format != document.Markdown {
		return []byte(b.String()), nil
	}
	var md strings.Builder
	md.WriteString("---\n" + b.String() + "---\n\n")
	fmt.Fprintf(&md, "# %s\n\n", o.Name)
	md.WriteString("_One paragraph: what the service is and why it is being built now. " +
		"The review above, in the front matter, is what `archvet check` reads; the prose below is for people._\n")
	for _, s := range sections {
		fmt.Fprintf(&md, "\n%s\n\n_%s_\n", s.heading, s.guidance)
	}
	return []byte(md.String()), nil
}

func draftHeader(o Options, d *Draft) []string {
	read := "nothing it could use"
	if len(d.Read) > 0 {
		read = strings.Join(d.Read, ", ")
	}
	return wrap(fmt.Sprintf("Design review of %s, drafted with `archvet init --from` from %s. "+
		"Each field filled in names the file and line it came from (# from FILE:LINE); check them, since a team's intent is not always what its files say. "+
		"Everything commented out is what no file answers: the questions still open. "+
		"To fill one in, uncomment it, replace the <placeholder>, and run `archvet check %s`; `archvet claims %s` shows which claims the repository verifies.",
		o.Name, read, o.File, o.File), width-2)
}

type draftWriter struct {
	yamlWriter
	d *Draft
	o Options
}

// from is the comment naming where path came from, or "".
func (w *draftWriter) from(path string) string {
	if src, ok := w.d.Sources[path]; ok {
		return "  # from " + src
	}
	return ""
}

// value writes a filled node at path; dash starts a list entry.
func (w *draftWriter) value(a at, n *node, v any, path string, dash bool) {
	lead := ""
	if dash {
		lead = "- "
	}
	switch n.kind {
	case leaf:
		w.line(a, lead+n.key+": "+flow(v)+w.from(path))
	case object:
		obj, _ := v.(map[string]any)
		w.line(a, lead+n.key+":"+w.from(path))
		inner := a.indented()
		for _, c := range n.children {
			cv, ok := obj[c.key]
			if !ok {
				w.about(inner, c)
				w.field(inner, c, w.o, false)
				continue
			}
			w.value(inner, c, cv, document.JoinKey(path, c.key), false)
		}
	case objectList:
		list, _ := v.([]any)
		w.line(a, lead+n.key+":"+w.from(path))
		item := a.indented()
		for i, e := range list {
			entry, _ := e.(map[string]any)
			ep := document.JoinIndex(path, i)
			first := true
			for _, c := range n.children {
				cv, ok := entry[c.key]
				if !ok {
					continue
				}
				at := item.indented()
				if first {
					at = item
				}
				w.value(at, c, cv, document.JoinKey(ep, c.key), first)
				first = false
			}
		}
	}
}

// flow writes a value on one line: a YAML scalar, or a flow list or
// mapping.
func flow(v any) string {
	switch x := v.(type) {
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = flow(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = yamlScalar(k) + ": " + flow(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case string:
		s := yamlScalar(x)
		if strings.ContainsAny(s, "\n") || strings.HasPrefix(s, "|") || strings.HasPrefix(s, ">") {
			return fmt.Sprintf("%q", x)
		}
		return s
	}
	return yamlScalar(v)
}

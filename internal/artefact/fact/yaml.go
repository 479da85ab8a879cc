package fact

import (
	"bytes"
	"maps"
	"slices"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

// LoadYAML decodes a YAML (or JSON) file that may hold several documents,
// through the loader design reviews use, so artefacts get the same guards
// (alias bombs measured before they are expanded, duplicate keys, binary
// input) and the same positions. budget is how many documents the reader
// may still take in; a file that would go past it is refused at the
// document that does, before anything in it is decoded.
func LoadYAML(path string, src []byte, lim Limits, budget *int) ([]*document.Document, diag.Diagnostics) {
	if line, over := overBudget(src, *budget); over {
		p := diag.Pos{Line: line, Column: 1}
		return nil, diag.Diagnostics{diag.Errorf(&diag.Range{Filename: path, Start: p, End: p},
			"more than %d YAML documents in the artefacts; this file is not read", lim.MaxDocuments)}
	}
	docs, ds := document.LoadYAMLStream(path, src)
	Reword(ds)
	if ds.HasErrors() {
		return nil, ds
	}
	for _, d := range docs {
		if deep, ok := tooDeep(d.Value, "", lim.MaxNesting); ok {
			r, _, _ := d.Index.Resolve(deep)
			return nil, append(ds, diag.Errorf(&r, "the document nests deeper than %d levels; the file is not read", lim.MaxNesting))
		}
	}
	*budget -= len(docs)
	return docs, ds
}

// overBudget counts the document markers of src and says on which line
// the count passes budget.
func overBudget(src []byte, budget int) (int, bool) {
	n, line := 1, 1
	for len(src) > 0 {
		l := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if line > 1 && bytes.HasPrefix(l, []byte("---")) && (len(l) == 3 || l[3] == ' ' || l[3] == '\t' || l[3] == '\r') {
			if n++; n > budget {
				return line, true
			}
		}
		line++
	}
	return 1, n > budget
}

// tooDeep finds the path of a collection that has more than limit
// collections around it and in it, the first in key order so the error
// is the same on every run. Only a document that is too deep pays for
// the sorting.
func tooDeep(v any, path string, limit int) (string, bool) {
	if depthOf(v, limit) <= limit {
		return "", false
	}
	if limit <= 0 {
		return path, true
	}
	switch x := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			if p, ok := tooDeep(x[k], document.JoinKey(path, k), limit-1); ok {
				return p, true
			}
		}
	case []any:
		for i, e := range x {
			if p, ok := tooDeep(e, document.JoinIndex(path, i), limit-1); ok {
				return p, true
			}
		}
	}
	return "", false
}

// depthOf is how many collections nest in v, counted up to just past limit.
func depthOf(v any, limit int) int {
	d := 0
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			if d = max(d, depthOf(e, limit-1)); d >= limit {
				break
			}
		}
	case []any:
		for _, e := range x {
			if d = max(d, depthOf(e, limit-1)); d >= limit {
				break
			}
		}
	default:
		return 0
	}
	return d + 1
}

// Node is a value in a decoded document with its path, so that a fact
// read from it carries its position. A missing value is a Node too, which
// is not Present and is placed at its nearest present ancestor.
type Node struct {
	doc     *document.Document
	path    string
	v       any
	present bool
}

// Root is the top of a document.
func Root(d *document.Document) Node {
	return Node{doc: d, v: d.Value, present: true}
}

// Key is the value at key of a mapping.
func (n Node) Key(key string) Node {
	m, _ := n.v.(map[string]any)
	v, ok := m[key]
	return Node{doc: n.doc, path: document.JoinKey(n.path, key), v: v, present: ok}
}

// Get follows keys.
func (n Node) Get(keys ...string) Node {
	for _, k := range keys {
		n = n.Key(k)
	}
	return n
}

// Items are the entries of a list; none for anything else.
func (n Node) Items() []Node {
	l, _ := n.v.([]any)
	out := make([]Node, len(l))
	for i, v := range l {
		out[i] = Node{doc: n.doc, path: document.JoinIndex(n.path, i), v: v, present: true}
	}
	return out
}

// Present reports whether the document has the value (it may be null).
func (n Node) Present() bool { return n.present }

// Value is the decoded value: map[string]any, []any, string, bool, int64,
// float64 or nil.
func (n Node) Value() any { return n.v }

// String is the value when it is a string, else "".
func (n Node) String() string {
	s, _ := n.v.(string)
	return s
}

// Map is the value when it is a mapping, else nil.
func (n Node) Map() map[string]any {
	m, _ := n.v.(map[string]any)
	return m
}

// At is where the value is written, or where its nearest present
// ancestor is when it is missing.
func (n Node) At() At {
	if n.doc == nil {
		return At{Line: 1, Column: 1}
	}
	r, _, ok := n.doc.Index.Resolve(n.path)
	if !ok {
		return At{File: n.doc.Path, Line: 1, Column: 1}
	}
	return AtRange(r)
}

// Known is the fact that the value states, at it.
func (n Node) Known(v any) map[string]any { return Known(v, n.At()) }

// Fact is the value itself as a fact, or nil when it is missing.
func (n Node) Fact() map[string]any {
	if !n.present {
		return nil
	}
	return n.Known(n.v)
}

// Top is the root of the value's document.
func (n Node) Top() Node {
	if n.doc == nil {
		return n
	}
	return Root(n.doc)
}

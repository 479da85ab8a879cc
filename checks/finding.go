package checks

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/rules"
)

// toFinding turns one element of a rule's deny (or unanswered) set into a
// positioned finding, named by its identity key. A finding about a
// section the design does not have is shown at a stable anchor, and its
// message says so: the position alone would mislead.
func toFinding(doc *document.Document, r *rules.Rule, v ast.Value) Finding {
	f := Finding{Location: diag.Range{Filename: doc.Path}}
	switch d := v.(type) {
	case ast.Object:
		f.Message = stringAt(d, "msg")
		f.Field = stringAt(d, "path")
	case ast.String:
		f.Message = string(d)
	}
	if f.Message == "" {
		f.Message = r.Title
	}
	f.Key = doc.Key(f.Field)
	loc, located := doc.Index.Locate(f.Field)
	d, _ := v.(ast.Object)
	if at, ok := positionAt(d, "at"); ok {
		// Shown where the rule points (an artefact, another review); the
		// review's own field is then the first related location.
		f.Location, f.Exact = at, true
		if located {
			f.Related = append(f.Related, Related{Message: "the design's claim: " + f.Field + absentNote(loc), Location: loc.Range})
		}
	} else if located {
		f.Location, f.Exact = loc.Range, loc.Exact
		f.Message += absentNote(loc)
	}
	f.Related = append(f.Related, relatedOf(doc, d)...)
	if len(f.Related) > MaxRelated {
		f.Related = f.Related[:MaxRelated]
	}
	return f
}

// MaxRelated bounds the related locations of one finding: a policy (or
// a system with a thousand-hop cycle) cannot flood a report.
const MaxRelated = 16

// relatedOf reads a finding's "related" array: each entry names a field
// of this review ("path") or any position ("at"), with a message.
func relatedOf(doc *document.Document, d ast.Object) []Related {
	if d == nil {
		return nil
	}
	t := d.Get(ast.StringTerm("related"))
	if t == nil {
		return nil
	}
	arr, ok := t.Value.(*ast.Array)
	if !ok {
		return nil
	}
	var out []Related
	for i := 0; i < arr.Len() && len(out) < MaxRelated; i++ {
		e, ok := arr.Elem(i).Value.(ast.Object)
		if !ok {
			continue
		}
		r := Related{Message: stringAt(e, "msg")}
		if at, ok := positionAt(e, "at"); ok {
			r.Location = at
		} else if p := stringAt(e, "path"); p != "" {
			loc, ok := doc.Index.Locate(p)
			if !ok || !loc.Exact {
				continue // a missing field's parent would only mislead here
			}
			r.Location = loc.Range
			if r.Message == "" {
				r.Message = p
			}
		} else {
			continue
		}
		out = append(out, r)
	}
	return out
}

// positionAt reads {"file", "line", "column"} under key; a position
// without a file or with a line below 1 is no position.
func positionAt(d ast.Object, key string) (diag.Range, bool) {
	if d == nil {
		return diag.Range{}, false
	}
	t := d.Get(ast.StringTerm(key))
	if t == nil {
		return diag.Range{}, false
	}
	o, ok := t.Value.(ast.Object)
	if !ok {
		return diag.Range{}, false
	}
	file := stringAt(o, "file")
	line, col := intAt(o, "line"), intAt(o, "column")
	if file == "" || line < 1 {
		return diag.Range{}, false
	}
	col = max(col, 1)
	p := diag.Pos{Line: line, Column: col}
	return diag.Range{Filename: file, Start: p, End: p}, true
}

// intAt reads a small positive integer; anything else is 0.
func intAt(o ast.Object, key string) int {
	t := o.Get(ast.StringTerm(key))
	if t == nil {
		return 0
	}
	n, ok := t.Value.(ast.Number)
	if !ok {
		return 0
	}
	i, ok := n.Int()
	if !ok || i < 0 || i > 1<<30 {
		return 0
	}
	return i
}

// absentNote is what a message adds when its section is missing, in the
// same words in every format: (the design has no "slos" section; shown at
// "service").
func absentNote(loc document.Location) string {
	if loc.Absent == "" {
		return ""
	}
	at := "the start of the design"
	switch {
	case loc.Placeholder:
		at = "its commented-out placeholder"
	case loc.Anchor != "":
		at = strconv.Quote(loc.Anchor)
	}
	return fmt.Sprintf(" (the design has no %q section; shown at %s)", loc.Absent, at)
}

// sortFindings orders a rule's findings by the path the policy reported,
// which follows the order entries are written in, and only then by
// position: a missing field is shown at the key of its section in YAML but
// at the closing brace in HCL, and a review and its twin must list their
// findings in the same order.
func sortFindings(fs []Finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Field != b.Field {
			return lessPath(a.Field, b.Field)
		}
		if a.Location.Start.Line != b.Location.Start.Line {
			return a.Location.Start.Line < b.Location.Start.Line
		}
		if a.Location.Start.Column != b.Location.Start.Column {
			return a.Location.Start.Column < b.Location.Start.Column
		}
		return a.Message < b.Message
	})
}

// lessPath orders paths with their numbers compared as numbers, so that
// dependencies[2] comes before dependencies[10].
func lessPath(a, b string) bool {
	for a != "" && b != "" {
		na, ra := leadingDigits(a)
		nb, rb := leadingDigits(b)
		switch {
		case na != "" && nb != "":
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = ra, rb
		case a[0] != b[0]:
			return a[0] < b[0]
		default:
			a, b = a[1:], b[1:]
		}
	}
	return len(a) < len(b)
}

func leadingDigits(s string) (digits, rest string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}

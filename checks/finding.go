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
	if loc, ok := doc.Index.Locate(f.Field); ok {
		f.Location, f.Exact = loc.Range, loc.Exact
		f.Message += absentNote(loc)
	}
	return f
}

// absentNote is what a message adds when its section is missing, in the
// same words in every format: (the design has no "slos" section; shown at
// "service").
func absentNote(loc document.Location) string {
	if loc.Absent == "" {
		return ""
	}
	at := "the start of the design"
	if loc.Anchor != "" {
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

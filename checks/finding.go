package checks

import (
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/rules"
)

// toFinding turns one element of a rule's deny (or unanswered) set into a
// positioned finding.
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
	if rng, exact, ok := doc.Index.Resolve(f.Field); ok {
		f.Location, f.Exact = rng, exact
	}
	return f
}

func sortFindings(fs []Finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Location.Start.Line != b.Location.Start.Line {
			return a.Location.Start.Line < b.Location.Start.Line
		}
		if a.Location.Start.Column != b.Location.Start.Column {
			return a.Location.Start.Column < b.Location.Start.Column
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Message < b.Message
	})
}

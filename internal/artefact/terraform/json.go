package terraform

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

// Terraform's JSON syntax (.tf.json) is parsed with hcl's JSON parser and
// turned into the native syntax tree the reader walks, every node at the
// range of the JSON value it comes from. JSON does not say which
// properties are blocks: Terraform knows from the provider's schema, and
// archvet has none, so an object (or a list of objects) is both an
// attribute and a block of that name: the reader asks for each by what
// it expects. A string is a template, as Terraform reads it: "${var.x}"
// is an expression, and unknown; any other string is a literal.

// jsonLabels are how many labels the top-level blocks take, spelled in
// JSON as nested objects; other blocks take none ("dynamic" takes one).
var jsonLabels = map[string]int{"resource": 2, "data": 2, "provider": 1, "module": 1, "variable": 1, "output": 1}

// parseJSON parses a .tf.json file into a native body. A file nested
// deeper than the limit is refused before it is parsed, since the parser
// recurses.
func parseJSON(path string, src []byte, lim fact.Limits) (*hclsyntax.Body, diag.Diagnostics) {
	if !utf8.Valid(src) {
		return nil, diag.Diagnostics{diag.Errorf(fact.At{File: path, Line: 1, Column: 1}.Range(), "file is not valid UTF-8 text")}
	}
	if line, col, deep := jsonTooDeep(src, lim.MaxNesting); deep {
		return nil, diag.Diagnostics{diag.Errorf(fact.At{File: path, Line: line, Column: col}.Range(),
			"the document nests deeper than %d levels; the file is not read", lim.MaxNesting)}
	}
	f, hd := hcljson.Parse(src, path)
	if hd.HasErrors() {
		return nil, hclDiags(hd)
	}
	c := &jsonConv{path: path}
	b := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: f.Body.MissingItemRange()}
	attrs, hd := f.Body.JustAttributes()
	if hd.HasErrors() {
		return nil, hclDiags(hd)
	}
	for _, a := range byPosition(attrs) {
		if a.Name == "//" {
			continue
		}
		c.blocks(b, a.Name, a.Expr, jsonLabels[a.Name], nil, a.NameRange)
	}
	return b, hclDiags(c.diags)
}

// jsonTooDeep finds where src's arrays and objects nest deeper than limit.
func jsonTooDeep(src []byte, limit int) (line, col int, deep bool) {
	depth, line, col := 0, 1, 0
	inString, escaped := false, false
	for _, r := range string(src) {
		col++
		switch {
		case r == '\n':
			line, col = line+1, 0
		case inString:
			switch {
			case escaped:
				escaped = false
			case r == '\\':
				escaped = true
			case r == '"':
				inString = false
			}
		case r == '"':
			inString = true
		case r == '{' || r == '[':
			if depth++; depth > limit {
				return line, col, true
			}
		case r == '}' || r == ']':
			depth--
		}
	}
	return 0, 0, false
}

func hclDiags(hd hcl.Diagnostics) diag.Diagnostics {
	var out diag.Diagnostics
	for _, d := range hd {
		sev := diag.Error
		if d.Severity == hcl.DiagWarning {
			sev = diag.Warning
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += "; " + d.Detail
		}
		r := &diag.Range{}
		if d.Subject != nil {
			r = &diag.Range{Filename: d.Subject.Filename,
				Start: diag.Pos{Line: d.Subject.Start.Line, Column: d.Subject.Start.Column, Byte: d.Subject.Start.Byte},
				End:   diag.Pos{Line: d.Subject.End.Line, Column: d.Subject.End.Column, Byte: d.Subject.End.Byte}}
		}
		out = append(out, diag.Diagnostic{Severity: sev, Summary: msg, Subject: r})
	}
	return out
}

func byPosition(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Range.Start.Byte < out[j].Range.Start.Byte })
	return out
}

type jsonConv struct {
	path  string
	diags hcl.Diagnostics
}

// blocks adds to parent the blocks of type typ that expr spells: labels
// still to read are the keys of nested objects; a list is one block per
// entry.
func (c *jsonConv) blocks(parent *hclsyntax.Body, typ string, expr hcl.Expression, labels int, have []string, at hcl.Range) {
	if labels > 0 {
		pairs, d := hcl.ExprMap(expr)
		if d.HasErrors() {
			return
		}
		for _, p := range sortPairs(pairs) {
			key, ok := stringOf(p.Key)
			if !ok {
				continue
			}
			c.blocks(parent, typ, p.Value, labels-1, append(append([]string(nil), have...), key), p.Key.Range())
		}
		return
	}
	if items, d := hcl.ExprList(expr); !d.HasErrors() && isArray(expr) {
		for _, it := range items {
			c.blocks(parent, typ, it, 0, have, it.Range())
		}
		return
	}
	body, ok := c.body(expr)
	if !ok {
		return
	}
	parent.Blocks = append(parent.Blocks, &hclsyntax.Block{Type: typ, Labels: have, Body: body, TypeRange: at, OpenBraceRange: expr.Range(), CloseBraceRange: expr.Range()})
}

// body turns an object into a body: each property an attribute, and an
// object or list of objects a block too.
func (c *jsonConv) body(expr hcl.Expression) (*hclsyntax.Body, bool) {
	pairs, d := hcl.ExprMap(expr)
	if d.HasErrors() || isArray(expr) {
		return nil, false
	}
	b := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: expr.Range(), EndRange: expr.Range()}
	for _, p := range sortPairs(pairs) {
		name, ok := stringOf(p.Key)
		if !ok || name == "//" {
			continue
		}
		if _, dup := b.Attributes[name]; !dup {
			b.Attributes[name] = &hclsyntax.Attribute{Name: name, Expr: c.expr(p.Value), SrcRange: hcl.RangeBetween(p.Key.Range(), p.Value.Range()), NameRange: p.Key.Range()}
		}
		if objectish(p.Value) {
			labels := 0
			if name == "dynamic" {
				labels = 1
			}
			c.blocks(b, name, p.Value, labels, nil, p.Key.Range())
		}
	}
	return b, true
}

// objectish is an object, or a non-empty list of objects.
func objectish(expr hcl.Expression) bool {
	if !isArray(expr) {
		_, d := hcl.ExprMap(expr)
		return !d.HasErrors()
	}
	items, _ := hcl.ExprList(expr)
	for _, it := range items {
		if _, d := hcl.ExprMap(it); d.HasErrors() || isArray(it) {
			return false
		}
	}
	return len(items) > 0
}

// isArray tells a JSON array from an object (hcl lists both as
// collections).
func isArray(expr hcl.Expression) bool {
	v, d := expr.Value(nil)
	return !d.HasErrors() && (v.Type().IsTupleType() || v.Type().IsListType())
}

// expr is the native expression a JSON value spells.
func (c *jsonConv) expr(e hcl.Expression) hclsyntax.Expression {
	r := e.Range()
	if isArray(e) {
		items, _ := hcl.ExprList(e)
		t := &hclsyntax.TupleConsExpr{SrcRange: r, OpenRange: r}
		for _, it := range items {
			t.Exprs = append(t.Exprs, c.expr(it))
		}
		return t
	}
	if pairs, d := hcl.ExprMap(e); !d.HasErrors() {
		o := &hclsyntax.ObjectConsExpr{SrcRange: r, OpenRange: r}
		for _, p := range sortPairs(pairs) {
			key, _ := stringOf(p.Key)
			k := &hclsyntax.ObjectConsKeyExpr{Wrapped: &hclsyntax.LiteralValueExpr{Val: cty.StringVal(key), SrcRange: p.Key.Range()}}
			o.Items = append(o.Items, hclsyntax.ObjectConsItem{KeyExpr: k, ValueExpr: c.expr(p.Value)})
		}
		return o
	}
	v, d := e.Value(nil) // without a context, hcl reads a string as it is written
	if d.HasErrors() {
		return &hclsyntax.TemplateExpr{SrcRange: r} // not a literal: unknown
	}
	if v.Type() == cty.String && !v.IsNull() {
		s := v.AsString()
		if strings.Contains(s, "${") || strings.Contains(s, "%{") {
			// The template parser recurses: the string must pass the
			// nesting check a .tf file passes before it is parsed.
			quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
			if _, bad := document.ParseForeignHCL(c.path, []byte("x = \""+quoted+"\"\n")); bad.HasErrors() && strings.Contains(bad[0].Summary, "nests") {
				c.diags = append(c.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "the string's template " + strings.TrimPrefix(bad[0].Summary, "the document "), Subject: &r})
				return &hclsyntax.TemplateExpr{SrcRange: r}
			}
			start := r.Start
			start.Column++ // past the opening quote
			start.Byte++
			t, td := hclsyntax.ParseTemplate([]byte(s), c.path, start)
			if td.HasErrors() {
				c.diags = append(c.diags, td...)
				return &hclsyntax.TemplateExpr{SrcRange: r}
			}
			return t
		}
	}
	return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: r}
}

func sortPairs(pairs []hcl.KeyValuePair) []hcl.KeyValuePair {
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].Key.Range().Start.Byte < pairs[j].Key.Range().Start.Byte })
	return pairs
}

func stringOf(e hcl.Expression) (string, bool) {
	v, d := e.Value(nil)
	if d.HasErrors() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

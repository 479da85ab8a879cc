package terraform

import (
	"encoding/json"
	"math/big"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// maxExpression bounds the source text an unknown fact carries: enough to
// recognise `var.retention` or `lookup(local.tiers, …)`, not a whole file.
const maxExpression = 120

// file is one parsed .tf file.
type file struct {
	path string
	text []byte // the file without its byte order mark, as the parser saw it
	body *hclsyntax.Body
}

func (f *file) at(p hcl.Pos) fact.At {
	return fact.At{File: f.path, Line: max(p.Line, 1), Column: max(p.Column, 1)}
}

// source is an expression as it is written, shortened past maxExpression
// and with its line breaks folded.
func (f *file) source(e hclsyntax.Expression) string {
	r := e.Range()
	if r.Start.Byte < 0 || r.End.Byte > len(f.text) || r.Start.Byte > r.End.Byte {
		return ""
	}
	s := strings.Join(strings.Fields(string(f.text[r.Start.Byte:r.End.Byte])), " ")
	if len(s) > maxExpression {
		cut := maxExpression
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// literal reports whether e is written as a literal: a number, a string or
// template without interpolations of anything but literals, a boolean,
// null, a negative number, or a list or object of literals. Anything
// that names a variable, a local, a resource or a function is not, and
// archvet does not evaluate it.
func literal(e hclsyntax.Expression) bool {
	switch x := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return true
	case *hclsyntax.TemplateExpr:
		for _, p := range x.Parts {
			if !literal(p) {
				return false
			}
		}
		return true
	case *hclsyntax.TemplateWrapExpr:
		return literal(x.Wrapped)
	case *hclsyntax.TupleConsExpr:
		for _, v := range x.Exprs {
			if !literal(v) {
				return false
			}
		}
		return true
	case *hclsyntax.ObjectConsExpr:
		for _, it := range x.Items {
			if !literal(it.KeyExpr) || !literal(it.ValueExpr) {
				return false
			}
		}
		return true
	case *hclsyntax.ObjectConsKeyExpr:
		if x.ForceNonLiteral {
			return false
		}
		if hcl.ExprAsKeyword(x.Wrapped) != "" {
			return true // a bare key is its own name, not a variable
		}
		return literal(x.Wrapped)
	case *hclsyntax.UnaryOpExpr:
		lit, ok := x.Val.(*hclsyntax.LiteralValueExpr)
		return ok && x.Op == hclsyntax.OpNegate && lit.Val.Type() == cty.Number
	}
	return false
}

// value reads a literal expression as Go data (string, bool, int64 or
// float64, []any, map[string]any, nil); ok is false for anything else.
// Value(nil) is only ever called on a literal, so nothing is evaluated.
func value(e hclsyntax.Expression) (v any, ok bool) {
	if !literal(e) {
		return nil, false
	}
	defer func() {
		if recover() != nil {
			v, ok = nil, false
		}
	}()
	cv, diags := e.Value(nil)
	if diags.HasErrors() || !cv.IsWhollyKnown() {
		return nil, false
	}
	return goValue(cv)
}

func goValue(v cty.Value) (any, bool) {
	if v.IsNull() {
		return nil, true
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return v.AsString(), true
	case t == cty.Bool:
		return v.True(), true
	case t == cty.Number:
		return number(v.AsBigFloat()), true
	case t.IsTupleType() || t.IsListType() || t.IsSetType():
		out := []any{}
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			x, ok := goValue(ev)
			if !ok {
				return nil, false
			}
			out = append(out, x)
		}
		return out, true
	case t.IsObjectType() || t.IsMapType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			x, ok := goValue(ev)
			if !ok {
				return nil, false
			}
			out[k.AsString()] = x
		}
		return out, true
	}
	return nil, false
}

func number(f *big.Float) any {
	if i, acc := f.Int64(); acc == big.Exact {
		return i
	}
	x, _ := f.Float64()
	return x
}

// reference is the resource an expression refers to, such as
// aws_s3_bucket.logs for `aws_s3_bucket.logs.id` or
// `aws_s3_bucket.logs[0].arn`; ok is false for anything else (a variable,
// a data source, a function call).
func reference(e hclsyntax.Expression) (address string, ok bool) {
	if w, isWrap := e.(*hclsyntax.TemplateWrapExpr); isWrap {
		e = w.Wrapped
	}
	if r, isRel := e.(*hclsyntax.RelativeTraversalExpr); isRel {
		e = r.Source
	}
	if idx, isIdx := e.(*hclsyntax.IndexExpr); isIdx {
		e = idx.Collection
	}
	st, isTrav := e.(*hclsyntax.ScopeTraversalExpr)
	if !isTrav || len(st.Traversal) < 2 {
		return "", false
	}
	root := st.Traversal.RootName()
	switch root {
	case "var", "local", "data", "module", "each", "count", "path", "terraform", "self":
		return "", false
	}
	name, isAttr := st.Traversal[1].(hcl.TraverseAttr)
	if !isAttr {
		return "", false
	}
	return root + "." + name.Name, true
}

// jsonKeys are the keys of a JSON document written as a literal string,
// or of the object literal passed to jsonencode: what a redrive policy
// names is read from its syntax, not by calling the function.
func jsonKeys(e hclsyntax.Expression) (keys map[string]hclsyntax.Expression, ok bool) {
	if call, isCall := e.(*hclsyntax.FunctionCallExpr); isCall {
		if call.Name != "jsonencode" || len(call.Args) != 1 {
			return nil, false
		}
		obj, isObj := call.Args[0].(*hclsyntax.ObjectConsExpr)
		if !isObj {
			return nil, false
		}
		keys = map[string]hclsyntax.Expression{}
		for _, it := range obj.Items {
			k, isKey := it.KeyExpr.(*hclsyntax.ObjectConsKeyExpr)
			if !isKey {
				continue
			}
			if kw := hcl.ExprAsKeyword(k.Wrapped); kw != "" {
				keys[kw] = it.ValueExpr
			} else if s, isStr := value(k.Wrapped); isStr {
				if str, isString := s.(string); isString {
					keys[str] = it.ValueExpr
				}
			}
		}
		return keys, true
	}
	s, isLit := value(e)
	str, isString := s.(string)
	if !isLit || !isString {
		return nil, false
	}
	keys = map[string]hclsyntax.Expression{}
	for _, k := range jsonTopKeys([]byte(str)) {
		keys[k] = e
	}
	return keys, true
}

// jsonTopKeys lists the top-level keys of a JSON object; an invalid
// document has none.
func jsonTopKeys(b []byte) []string {
	var obj map[string]json.RawMessage
	if json.Unmarshal(b, &obj) != nil {
		return nil
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	return keys
}

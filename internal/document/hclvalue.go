package document

import (
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

func runeCount(b []byte) int { return utf8.RuneCount(b) }

// rejectIteration reports every for expression (and template for
// directive, which wraps one) up front. A design review is data; nested
// for expressions over literal tuples could otherwise multiply into
// billions of values inside the evaluator, where no limit of ours reaches.
func (d *hclDecoder) rejectIteration(body *hclsyntax.Body) bool {
	found := false
	hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		if f, ok := n.(*hclsyntax.ForExpr); ok {
			d.errorf(f.OpenRange, "for expressions are not supported in a design review: write the values out")
			found = true
		}
		return nil
	})
	return found
}

// expr decodes an attribute value that sits inside depth enclosing
// collections. Object and tuple constructors are walked here rather than
// evaluated so that each key and element keeps its own position.
func (d *hclDecoder) expr(e hclsyntax.Expression, path string, depth int) any {
	if d.stop {
		return nil
	}
	for {
		p, ok := e.(*hclsyntax.ParenthesesExpr)
		if !ok {
			break
		}
		e = p.Expression
	}
	switch x := e.(type) {
	case *hclsyntax.TupleConsExpr:
		if depth >= maxDepth {
			d.tooDeep(x.OpenRange)
			return nil
		}
		out := make([]any, 0, len(x.Exprs))
		for i, el := range x.Exprs {
			p := JoinIndex(path, i)
			out = append(out, d.expr(el, p, depth+1))
			d.ix.Add(p, d.rng(el.Range()))
		}
		return out
	case *hclsyntax.ObjectConsExpr:
		if depth >= maxDepth {
			d.tooDeep(x.OpenRange)
			return nil
		}
		out := make(map[string]any, len(x.Items))
		seen := map[string]hcl.Range{}
		for _, it := range x.Items {
			key, ok := d.objectKey(it.KeyExpr)
			if !ok {
				continue
			}
			kr := it.KeyExpr.Range()
			if first, dup := seen[key]; dup {
				d.errorf(kr, "duplicate key %q: it is already set on line %d", key, d.line(first))
				continue
			}
			seen[key] = kr
			p := JoinKey(path, key)
			out[key] = d.expr(it.ValueExpr, p, depth+1)
			d.ix.Add(p, d.span(kr.Start, it.ValueExpr.Range().End))
		}
		return out
	}
	v, hd := e.Value(nil)
	if hd.HasErrors() {
		d.addHCL(hd)
		return nil
	}
	return d.ctyValue(v, path, e.Range(), depth)
}

// objectKey reads an object key: a bare name is the name itself, never a
// variable, and anything else must evaluate, without variables, to a
// string.
func (d *hclDecoder) objectKey(k hclsyntax.Expression) (string, bool) {
	v, hd := k.Value(nil)
	if hd.HasErrors() {
		d.addHCL(hd)
		return "", false
	}
	v, _ = v.Unmark()
	if v.IsKnown() && !v.IsNull() {
		if s, err := convert.Convert(v, cty.String); err == nil {
			return s.AsString(), true
		}
	}
	d.errorf(k.Range(), "an object key must be a name or a string")
	return "", false
}

// ctyValue converts an evaluated value. Its parts have no positions of
// their own, so they are all indexed at the expression they came from.
func (d *hclDecoder) ctyValue(v cty.Value, path string, r hcl.Range, depth int) any {
	if d.stop {
		return nil
	}
	v, _ = v.Unmark()
	if !v.IsKnown() {
		d.errorf(r, "this value cannot be known without evaluating the configuration")
		return nil
	}
	if v.IsNull() {
		return nil
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return v.AsString()
	case t == cty.Bool:
		return v.True()
	case t == cty.Number:
		return d.number(v.AsBigFloat(), r)
	case t.IsListType(), t.IsTupleType(), t.IsSetType():
		if depth >= maxDepth {
			d.tooDeep(r)
			return nil
		}
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			p := JoinIndex(path, len(out))
			out = append(out, d.ctyValue(ev, p, r, depth+1))
			d.ix.Add(p, d.rng(r))
		}
		return out
	case t.IsObjectType(), t.IsMapType():
		if depth >= maxDepth {
			d.tooDeep(r)
			return nil
		}
		out := make(map[string]any, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			key := k.AsString()
			p := JoinKey(path, key)
			out[key] = d.ctyValue(ev, p, r, depth+1)
			d.ix.Add(p, d.rng(r))
		}
		return out
	}
	d.errorf(r, "unsupported value of type %s", t.FriendlyName())
	return nil
}

// number keeps integers exact as int64 and everything else as float64,
// the two number types a policy engine fed JSON can tell apart.
func (d *hclDecoder) number(bf *big.Float, r hcl.Range) any {
	if bf.IsInt() {
		if i, acc := bf.Int64(); acc == big.Exact {
			return i
		}
	}
	f, _ := bf.Float64()
	if math.IsInf(f, 0) {
		d.errorf(r, "number %s is out of range", bf.Text('g', 10))
		return nil
	}
	return f
}

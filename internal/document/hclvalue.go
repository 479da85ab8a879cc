package document

import (
	"math"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Bounds on what one evaluated expression may hold. Turning a number into
// text costs time in the size of its exponent, and HCL does that for
// "${n}" and for number keys; with literals near float64 range and only a
// few multiplications or divisions, exponents stay small enough.
const (
	maxExponent = 1100 // binary; float64 reaches 2^1024, subnormals 2^-1074
	maxMultiply = 16
)

// screen refuses, before evaluation, what the evaluator would otherwise
// turn into unbounded work, where no limit of ours reaches: for
// expressions (nested ones over literal tuples multiply into billions of
// values; a design review is data, so they have no use here), numbers far
// outside float64 range, and long chains of multiplications.
func (d *hclDecoder) screen(e hclsyntax.Expression) bool {
	if isPlainString(e) {
		return true // the common case, spared a tree walk
	}
	ok, mults := true, 0
	hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		switch x := n.(type) {
		case *hclsyntax.ForExpr:
			d.errorf(x.OpenRange, "for expressions are not supported in a design review: write the values out")
			ok = false
		case *hclsyntax.LiteralValueExpr:
			if x.Val.Type() == cty.Number && x.Val.IsKnown() && !x.Val.IsNull() {
				bf := x.Val.AsBigFloat()
				if bf.IsInf() || (bf.Sign() != 0 && abs(bf.MantExp(nil)) > maxExponent) {
					d.errorf(x.SrcRange, "number is out of range: numbers in a design review must fit in a 64-bit float")
					ok = false
				}
			}
		case *hclsyntax.BinaryOpExpr:
			switch x.Op {
			case hclsyntax.OpMultiply, hclsyntax.OpDivide, hclsyntax.OpModulo:
				if mults++; mults == maxMultiply+1 {
					d.errorf(x.SrcRange, "more than %d multiplications or divisions in one value: write the value out", maxMultiply)
					ok = false
				}
			}
		}
		return nil
	})
	return ok
}

// isPlainString reports a quoted string without interpolation.
func isPlainString(e hclsyntax.Expression) bool {
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok {
		return false
	}
	for _, p := range t.Parts {
		if l, ok := p.(*hclsyntax.LiteralValueExpr); !ok || l.Val.Type() != cty.String {
			return false
		}
	}
	return true
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// expr decodes an attribute value that sits inside depth enclosing
// collections. Object and tuple constructors are walked here rather than
// evaluated so that each key and element keeps its own position.
func (d *hclDecoder) expr(e hclsyntax.Expression, path string, depth int) any {
	if !d.count(e.Range()) {
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
	if !d.screen(e) {
		return nil
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
	if !d.screen(k) {
		return "", false
	}
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
			if !d.count(r) {
				return nil
			}
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
			if !d.count(r) {
				return nil
			}
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
		d.errorf(r, "number is out of range: numbers in a design review must fit in a 64-bit float")
		return nil
	}
	return f
}

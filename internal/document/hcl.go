package document

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/archvet/archvet/internal/diag"
)

// LoadHCL decodes a design review written in HCL. shape says which block
// types are entries of a list; with a nil shape no block is.
func LoadHCL(path string, src []byte, shape Shape) (*Document, diag.Diagnostics) {
	text, skip, bad := checkText(path, src)
	if bad != nil {
		return nil, diag.Diagnostics{*bad}
	}
	text, crs := stripCR(text)
	d := &hclDecoder{filename: path, skip: skip, crs: crs, shape: shape, ix: NewIndex(path)}
	if d.checkNesting(text) {
		return nil, d.diags
	}
	file, hd := parseHCL(text, path)
	if hd.HasErrors() {
		d.addHCL(hd)
		return nil, d.diags
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil, diag.Diagnostics{diag.Errorf(fileStart(path), "HCL parser returned an unexpected body")}
	}
	if len(body.Attributes) == 0 && len(body.Blocks) == 0 {
		return nil, diag.Diagnostics{diag.Errorf(fileStart(path), "empty design review")}
	}
	d.addHCL(hd)
	v := d.body(body, "", 0)
	if d.diags.HasErrors() {
		return nil, dedupe(d.diags)
	}
	start := hcl.Pos{Line: 1, Column: 1}
	d.ix.Add("", d.span(start, body.SrcRange.End))
	return &Document{Path: path, Format: HCL, Value: v, Index: d.ix}, d.diags
}

// parseHCL guards against a panic in the third-party parser: a bad file
// must give a diagnostic, never a crash.
func parseHCL(text []byte, path string) (f *hcl.File, hd hcl.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			f, hd = nil, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("HCL parser failed: %v", r),
			}}
		}
	}()
	return hclsyntax.ParseConfig(text, path, hcl.Pos{Line: 1, Column: 1})
}

type hclDecoder struct {
	filename string
	skip     int   // bytes of byte order mark stripped before parsing
	crs      []int // CRs stripped before each line (see stripCR)
	shape    Shape
	ix       *Index
	diags    diag.Diagnostics
	stop     bool
	values   int
}

func (d *hclDecoder) pos(p hcl.Pos) diag.Pos {
	b := p.Byte + d.skip
	if p.Line >= 1 && p.Line <= len(d.crs) {
		b += d.crs[p.Line-1]
	}
	return diag.Pos{Line: max(p.Line, 1), Column: max(p.Column, 1), Byte: b}
}

func (d *hclDecoder) span(start, end hcl.Pos) diag.Range {
	return diag.Range{Filename: d.filename, Start: d.pos(start), End: d.pos(end)}
}

func (d *hclDecoder) rng(r hcl.Range) diag.Range { return d.span(r.Start, r.End) }

func (d *hclDecoder) errorf(r hcl.Range, format string, args ...any) {
	rr := d.rng(r)
	d.diags = append(d.diags, diag.Errorf(&rr, format, args...))
}

func (d *hclDecoder) fail(r hcl.Range, format string, args ...any) {
	d.errorf(r, format, args...)
	d.stop = true
}

func (d *hclDecoder) tooDeep(r hcl.Range) {
	d.fail(r, "the document nests deeper than %d levels", maxDepth)
}

// count admits one more value, and stops decoding past maxValues: without
// aliases HCL cannot multiply values, but a huge file can still have many.
func (d *hclDecoder) count(r hcl.Range) bool {
	if d.stop {
		return false
	}
	if d.values++; d.values > maxValues {
		d.fail(r, "the document has more than %d values", maxValues)
		return false
	}
	return true
}

func (d *hclDecoder) addHCL(hd hcl.Diagnostics) {
	for _, x := range hd {
		sev := diag.Error
		if x.Severity == hcl.DiagWarning {
			sev = diag.Warning
		}
		r := x.Subject
		if r == nil {
			r = x.Context
		}
		subj := fileStart(d.filename)
		if r != nil && r.Start.Line > 0 {
			rr := d.rng(*r)
			subj = &rr
		}
		d.diags = append(d.diags, diag.Diagnostic{Severity: sev, Summary: x.Summary, Detail: x.Detail, Subject: subj})
	}
}

// origin records what first set a key of a body, to explain a conflict.
type origin struct {
	what string // as named in messages: "argument", "block", `"x" blocks`
	list bool
	at   hcl.Range
}

func (d *hclDecoder) line(r hcl.Range) int { return d.pos(r.Start).Line }

// body decodes the attributes and blocks of b, which sits inside depth
// enclosing collections, in source order so that list entries keep the
// order they are written in.
func (d *hclDecoder) body(b *hclsyntax.Body, path string, depth int) map[string]any {
	type item struct {
		attr  *hclsyntax.Attribute
		block *hclsyntax.Block
		at    int
	}
	items := make([]item, 0, len(b.Attributes)+len(b.Blocks))
	for _, a := range b.Attributes {
		items = append(items, item{attr: a, at: a.NameRange.Start.Byte})
	}
	for _, blk := range b.Blocks {
		items = append(items, item{block: blk, at: blk.TypeRange.Start.Byte})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].at < items[j].at })

	out := make(map[string]any, len(items))
	origins := map[string]origin{}
	for _, it := range items {
		var at hcl.Range
		if it.attr != nil {
			at = it.attr.NameRange
		} else {
			at = it.block.TypeRange
		}
		if !d.count(at) {
			return out
		}
		if a := it.attr; a != nil {
			name := normal(a.Name)
			if o, ok := origins[name]; ok {
				d.errorf(a.NameRange, "%q is set both as an argument and by the %s on line %d", name, o.what, d.line(o.at))
				continue
			}
			origins[name] = origin{what: "argument", at: a.NameRange}
			p := JoinKey(path, name)
			out[name] = d.expr(a.Expr, p, depth+1)
			d.ix.Add(p, d.span(a.NameRange.Start, a.SrcRange.End))
			continue
		}
		d.block(it.block, out, origins, path, depth)
	}
	return out
}

func (d *hclDecoder) block(blk *hclsyntax.Block, out map[string]any, origins map[string]origin, path string, depth int) {
	typ := normal(blk.Type)
	var listKey, labelField string
	var isList bool
	if d.shape != nil {
		listKey, labelField, isList = d.shape.ListBlock(withoutIndices(path), typ)
	}
	whole := d.span(blk.TypeRange.Start, blk.CloseBraceRange.End)
	if !isList {
		if len(blk.Labels) > 0 {
			d.errorf(blk.LabelRanges[0], "unexpected label on the %q block: only blocks that are entries of a list take a label", typ)
			return
		}
		if o, ok := origins[typ]; ok {
			if o.what == "block" {
				d.errorf(blk.TypeRange, "duplicate %q block: it is already defined on line %d", typ, d.line(o.at))
			} else {
				d.errorf(blk.TypeRange, "%q is set both as a block and by the %s on line %d", typ, o.what, d.line(o.at))
			}
			return
		}
		origins[typ] = origin{what: "block", at: blk.TypeRange}
		if depth+1 >= maxDepth {
			d.tooDeep(blk.TypeRange)
			return
		}
		p := JoinKey(path, typ)
		out[typ] = d.body(blk.Body, p, depth+1)
		d.ix.Add(p, whole)
		d.ix.addEnd(p, d.rng(blk.CloseBraceRange))
		return
	}

	if o, ok := origins[listKey]; ok && !o.list {
		d.errorf(blk.TypeRange, "%q blocks make up the list %q, which is already set by the %s on line %d", typ, listKey, o.what, d.line(o.at))
		return
	}
	switch {
	case labelField == "" && len(blk.Labels) > 0:
		d.errorf(blk.LabelRanges[0], "unexpected label on the %q block: it takes no label", typ)
		return
	case len(blk.Labels) > 1:
		d.errorf(blk.LabelRanges[1], "unexpected second label on the %q block: it takes one label, its %s", typ, labelField)
		return
	}
	if _, ok := origins[listKey]; !ok {
		origins[listKey] = origin{what: fmt.Sprintf("%q blocks", typ), list: true, at: blk.TypeRange}
	}
	if depth+2 >= maxDepth {
		d.tooDeep(blk.TypeRange)
		return
	}
	listPath := JoinKey(path, listKey)
	list, _ := out[listKey].([]any)
	entry := JoinIndex(listPath, len(list))
	m := d.body(blk.Body, entry, depth+2)
	if len(blk.Labels) == 1 {
		if a, ok := blk.Body.Attributes[labelField]; ok {
			d.errorf(a.NameRange, "%q is already given by the label of this %q block", labelField, typ)
		} else if _, ok := m[labelField]; ok {
			d.errorf(blk.LabelRanges[0], "the label of this %q block sets %q, which its body sets too", typ, labelField)
		}
		m[labelField] = normal(blk.Labels[0])
		d.ix.Add(JoinKey(entry, labelField), d.rng(blk.LabelRanges[0]))
	}
	d.ix.addFirst(listPath, whole)
	d.ix.Add(entry, whole)
	d.ix.addEnd(entry, d.rng(blk.CloseBraceRange))
	out[listKey] = append(list, m)
}

// Package terraform reads the managed data stores a Terraform tree
// declares (databases, caches, queues, buckets, tables on AWS, GCP and
// Azure) into facts about backups, replicas, encryption, deletion
// protection, dead-letter queues and versioning, each at the attribute
// that states it.
//
// Files are parsed with hclsyntax and never evaluated: a literal is read
// as it is written, and anything else (a variable, a local, a function
// call, a conditional) is an unknown fact carrying its source text.
// Resources that configure another one (aws_s3_bucket_versioning, an RDS
// read replica, an Aurora cluster instance) are joined to it through the
// reference that names it. A setting left out is read as the provider's
// documented default, marked "default": true, at the resource block.
package terraform

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

// Reader reads .tf files, and .tf.json files in Terraform's JSON syntax.
type Reader struct{}

// Kind is the `_artefacts` key the reader fills.
func (Reader) Kind() string { return "terraform" }

// Read parses every file, the others still read when one has errors, and
// returns {"files": n, "resources": [...]}, the resources in the order the
// files and blocks come.
func (Reader) Read(paths []string, lim fact.Limits) (any, diag.Diagnostics) {
	t := newTree()
	for _, p := range paths {
		src, bad := fact.ReadFile(p, lim)
		if bad != nil {
			t.diags = append(t.diags, *bad)
			continue
		}
		t.parse(p, src, lim)
	}
	return t.result()
}

func newTree() *tree {
	return &tree{byAddr: map[string]*resource{}, providers: map[string]*provider{}, refs: map[string][]ref{}, named: map[string][]ref{}}
}

// result joins and reads the resources of every file parsed.
func (t *tree) result() (any, diag.Diagnostics) {
	t.index()
	out := []any{}
	for _, r := range t.order {
		read, ok := readers[r.typ]
		if !ok {
			continue
		}
		r.facts = map[string]any{}
		read(t, r)
		r.preventDestroy()
		out = append(out, r.value())
	}
	ops := t.operations()
	ops["files"], ops["resources"] = t.files, out
	return ops, t.diags
}

type tree struct {
	files     int
	order     []*resource
	byAddr    map[string]*resource
	providers map[string]*provider // "aws", or "aws.west" for an alias
	// providerOrder are the providers' keys as the files declare them.
	providerOrder []string
	// refs holds, by the address a top-level attribute refers to, every
	// resource attribute that refers to it; named, by the literal string
	// a top-level attribute holds, every attribute that holds it (a
	// bucket joined by its name).
	refs  map[string][]ref
	named map[string][]ref
	diags diag.Diagnostics
}

type resource struct {
	f          *file
	block      *hclsyntax.Block
	typ, label string
	facts      map[string]any
	replicaOf  string // the address of the resource this one replicates
}

type ref struct {
	from *resource
	attr *hclsyntax.Attribute
}

type provider struct {
	f      *file
	block  *hclsyntax.Block
	region *hclsyntax.Attribute
}

// parse takes in the blocks of one file.
func (t *tree) parse(path string, src []byte, lim fact.Limits) {
	var body *hclsyntax.Body
	var ds diag.Diagnostics
	if strings.HasSuffix(strings.ToLower(path), ".tf.json") {
		body, ds = parseJSON(path, bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), lim)
	} else {
		body, ds = document.ParseForeignHCL(path, src)
	}
	fact.Reword(ds)
	t.diags = append(t.diags, ds...)
	if body == nil {
		return
	}
	f := &file{path: path, text: bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), body: body}
	if blk := tooDeep(body, 0, lim.MaxNesting); blk != nil {
		t.diags = append(t.diags, diag.Errorf(f.at(blk.TypeRange.Start).Range(),
			"the file nests blocks more than %d levels deep; it is not read", lim.MaxNesting))
		return
	}
	t.files++
	for _, blk := range body.Blocks {
		switch {
		case blk.Type == "resource" && len(blk.Labels) == 2:
			r := &resource{f: f, block: blk, typ: blk.Labels[0], label: blk.Labels[1]}
			if first, dup := t.byAddr[r.address()]; dup {
				t.diags = append(t.diags, diag.Warningf(r.at().Range(),
					"resource %s is declared again; the first, at %s:%d, is read", r.address(), first.f.path, first.at().Line))
				continue
			}
			t.byAddr[r.address()] = r
			t.order = append(t.order, r)
		case blk.Type == "provider" && len(blk.Labels) == 1:
			key := blk.Labels[0]
			if alias, ok := value(attrExpr(blk.Body, "alias")); ok {
				if s, isStr := alias.(string); isStr {
					key += "." + s
				}
			}
			if _, dup := t.providers[key]; !dup {
				t.providers[key] = &provider{f: f, block: blk, region: blk.Body.Attributes["region"]}
				t.providerOrder = append(t.providerOrder, key)
			}
		}
	}
}

// tooDeep finds a block nested deeper than limit.
func tooDeep(b *hclsyntax.Body, depth, limit int) *hclsyntax.Block {
	for _, blk := range b.Blocks {
		if depth+1 > limit {
			return blk
		}
		if deep := tooDeep(blk.Body, depth+1, limit); deep != nil {
			return deep
		}
	}
	return nil
}

// index records which resources refer to which, by their top-level
// attributes: the joins are read from it.
func (t *tree) index() {
	for _, r := range t.order {
		for _, a := range sortedAttrs(r.block.Body) {
			if to, ok := reference(a.Expr); ok {
				t.refs[to] = append(t.refs[to], ref{from: r, attr: a})
			} else if v, ok := value(a.Expr); ok {
				if s, isStr := v.(string); isStr && s != "" {
					t.named[s] = append(t.named[s], ref{from: r, attr: a})
				}
			}
		}
	}
}

// referrers are the resources of type typ whose attribute attr names r,
// by reference, or by the literal name r has (a bucket joined by name).
func (t *tree) referrers(r *resource, typ, attr string) []ref {
	var out []ref
	for _, x := range t.refs[r.address()] {
		if x.from.typ == typ && x.attr.Name == attr {
			out = append(out, x)
		}
	}
	name, literalName := r.literalName()
	if !literalName {
		return out
	}
	for _, x := range t.named[name] {
		if x.from.typ == typ && x.attr.Name == attr && x.from != r {
			out = append(out, x)
		}
	}
	return out
}

func (r *resource) address() string { return r.typ + "." + r.label }

func (r *resource) at() fact.At { return r.f.at(r.block.TypeRange.Start) }

func (r *resource) attr(name string) *hclsyntax.Attribute { return r.block.Body.Attributes[name] }

// literalName is the name the resource gives the thing it creates, when
// it is written as a literal.
func (r *resource) literalName() (string, bool) {
	a := r.attr(nameAttrs[r.typ])
	if a == nil {
		return "", false
	}
	v, ok := value(a.Expr)
	s, isStr := v.(string)
	return s, ok && isStr && s != ""
}

func (r *resource) value() map[string]any {
	name, ok := r.literalName()
	if !ok {
		name = r.label
	}
	provider, _, _ := strings.Cut(r.typ, "_")
	out := map[string]any{
		"address":  r.address(),
		"type":     r.typ,
		"provider": provider,
		"kind":     kinds[r.typ],
		"name":     name,
		"at":       r.at().Value(),
		"facts":    r.facts,
	}
	if r.replicaOf != "" {
		out["replica_of"] = r.replicaOf
	}
	return out
}

// set records a fact unless it is nil (the artefact does not say).
func (r *resource) set(key string, f map[string]any) {
	if f != nil {
		r.facts[key] = f
	}
}

// byDefault records the provider's default for a fact the resource does
// not set, at the resource block.
func (r *resource) byDefault(key string, v any) {
	if _, set := r.facts[key]; !set {
		r.facts[key] = fact.Default(v, r.at())
	}
}

// count is how many instances the resource block makes: its literal
// count, 1 without one, or an unknown fact for count = var.n or for_each.
func (r *resource) count() (int64, map[string]any) {
	if a := r.attr("count"); a != nil {
		if v, ok := value(a.Expr); ok {
			if n, isInt := v.(int64); isInt {
				return n, nil
			}
		}
		return 0, fact.Unknown(r.f.source(a.Expr), r.f.at(a.SrcRange.Start))
	}
	if a := r.attr("for_each"); a != nil {
		return 0, fact.Unknown("for_each = "+r.f.source(a.Expr), r.f.at(a.SrcRange.Start))
	}
	return 1, nil
}

func attrExpr(b *hclsyntax.Body, name string) hclsyntax.Expression {
	if b == nil {
		return nil
	}
	if a := b.Attributes[name]; a != nil {
		return a.Expr
	}
	return nil
}

func sortedAttrs(b *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		out = append(out, a)
	}
	// Source order, so the joins are the same on every run.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].SrcRange.Start.Byte < out[j-1].SrcRange.Start.Byte; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// firstBlock is the first nested block of a type, or nil.
func firstBlock(b *hclsyntax.Body, typ string) *hclsyntax.Block {
	if b == nil {
		return nil
	}
	for _, blk := range b.Blocks {
		if blk.Type == typ {
			return blk
		}
	}
	return nil
}

// dynamicBlock is a `dynamic "typ" { … }` block, whose instances come from
// an expression: their number is unknown.
func dynamicBlock(b *hclsyntax.Body, typ string) *hclsyntax.Block {
	if b == nil {
		return nil
	}
	for _, blk := range b.Blocks {
		if blk.Type == "dynamic" && len(blk.Labels) == 1 && blk.Labels[0] == typ {
			return blk
		}
	}
	return nil
}

// --- reading attributes into facts ---------------------------------------

// conv turns a literal into the type a fact has; ok is false for a literal
// of another type, which Terraform would reject and archvet reports as
// unknown.
type conv func(any) (any, bool)

func asBool(v any) (any, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch x {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return nil, false
}

func asNumber(v any) (any, bool) {
	switch x := v.(type) {
	case int64, float64:
		return x, true
	case string:
		var n int64
		if _, err := fmt.Sscanf(x, "%d", &n); err == nil && fmt.Sprint(n) == x {
			return n, true
		}
	}
	return nil, false
}

func asString(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int64, float64, bool:
		return fmt.Sprint(x), true
	}
	return nil, false
}

// read is the fact an attribute of body states, or nil when it is absent.
func (f *file) read(b *hclsyntax.Body, name string, c conv) map[string]any {
	if b == nil {
		return nil
	}
	a := b.Attributes[name]
	if a == nil {
		return nil
	}
	at := f.at(a.SrcRange.Start)
	if v, ok := value(a.Expr); ok {
		if x, ok := c(v); ok {
			return fact.Known(x, at)
		}
	}
	return fact.Unknown(f.source(a.Expr), at)
}

// derive maps the value of a known fact, keeping its position; an unknown
// fact stays unknown.
func derive(f map[string]any, fn func(any) any) map[string]any {
	if f == nil {
		return nil
	}
	out := map[string]any{}
	for k, v := range f {
		out[k] = v
	}
	if _, unknown := f["unknown"]; !unknown {
		out["value"] = fn(f["value"])
	}
	return out
}

func positive(v any) any {
	switch x := v.(type) {
	case int64:
		return x > 0
	case float64:
		return x > 0
	}
	return false
}

func minusOne(v any) any {
	switch x := v.(type) {
	case int64:
		return max(x-1, 0)
	case float64:
		return max(x-1, 0)
	}
	return v
}

func equals(s string) func(any) any {
	return func(v any) any { return strings.EqualFold(fmt.Sprint(v), s) }
}

func body(blk *hclsyntax.Block) *hclsyntax.Body {
	if blk == nil {
		return nil
	}
	return blk.Body
}

// blockAt is a block's position, for a fact its presence states.
func (f *file) blockAt(blk *hclsyntax.Block) fact.At { return f.at(blk.TypeRange.Start) }

// startOf is where an hcl range starts, as a fact position.
func (f *file) startOf(r hcl.Range) fact.At { return f.at(r.Start) }

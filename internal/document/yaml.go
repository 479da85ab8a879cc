package document

import (
	"fmt"
	"math"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/archvet/archvet/internal/diag"
)

// LoadYAML decodes a design review written in YAML.
func LoadYAML(path string, src []byte) (*Document, diag.Diagnostics) {
	text, skip, bad := checkText(path, src)
	if bad != nil {
		return nil, diag.Diagnostics{*bad}
	}
	v, ix, ds := decodeYAML(newSource(path, text, 0, skip), fileStart(path))
	if ds.HasErrors() {
		return nil, ds
	}
	return &Document{Path: path, Format: YAML, Value: v, Index: ix}, ds
}

// decodeYAML decodes one YAML text, whole or embedded in another file.
// emptyAt is where to report a text that holds no document at all.
func decodeYAML(s *source, emptyAt *diag.Range) (map[string]any, *Index, diag.Diagnostics) {
	v, ix, ds := decodeYAMLRoot(s, emptyAt, false)
	m, _ := v.(map[string]any)
	return m, ix, ds
}

// decodeYAMLRoot decodes one YAML document whose top level is a mapping,
// or, when lists is set, a list (some foreign formats allow one).
func decodeYAMLRoot(s *source, emptyAt *diag.Range, lists bool) (any, *Index, diag.Diagnostics) {
	if d := checkYAMLChars(s); d != nil {
		return nil, nil, diag.Diagnostics{*d}
	}
	first, second, err := parseYAML(s.text)
	if err != nil {
		return nil, nil, diag.Diagnostics{yamlSyntaxError(s, err)}
	}
	if second != nil {
		return nil, nil, diag.Diagnostics{diag.Errorf(s.at(second.Line, second.Column),
			"the file holds more than one YAML document; a design review is a single document")}
	}
	if first == nil || len(first.Content) == 0 || isEmptyNode(first.Content[0]) {
		return nil, nil, diag.Diagnostics{diag.Errorf(emptyAt, "empty design review")}
	}
	root := first.Content[0]
	if root.Kind != yaml.MappingNode && (!lists || root.Kind != yaml.SequenceNode) {
		return nil, nil, diag.Diagnostics{diag.Errorf(s.at(root.Line, root.Column),
			"the top level of a design review must be a mapping of keys to values, not %s", describe(root))}
	}
	d := &yamlDecoder{
		src:    s,
		ix:     NewIndex(s.filename),
		sizes:  map[*yaml.Node]int{},
		active: map[*yaml.Node]bool{},
	}
	if n := d.overflow(root); n != nil {
		what := "the document has"
		if n.Kind == yaml.AliasNode {
			what = "aliases expand to"
		}
		return nil, nil, diag.Diagnostics{diag.Errorf(d.src.at(n.Line, n.Column),
			"%s more than %d values", what, maxValues)}
	}
	v, end := d.value(root, "", 0)
	if d.diags.HasErrors() {
		return nil, nil, dedupe(d.diags)
	}
	d.add("", root, end)
	return v, d.ix, d.diags
}

// parseYAML parses the first document of text, and the next non-empty
// one only to be able to reject it: a trailing "---" before the end of the
// file is harmless. The parser is third-party code fed untrusted input, so
// a panic in it becomes an error, not a crash.
func parseYAML(text []byte) (first, second *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			first, second, err = nil, nil, fmt.Errorf("yaml: internal parser error: %v", r)
		}
	}()
	dec := yaml.NewDecoder(strings.NewReader(string(text)))
	var a, b yaml.Node
	if err := dec.Decode(&a); err != nil {
		if isEOF(err) {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	for {
		if err := dec.Decode(&b); err != nil {
			if isEOF(err) {
				return &a, nil, nil
			}
			return nil, nil, err
		}
		if len(b.Content) > 0 && !isEmptyNode(b.Content[0]) {
			return &a, &b, nil
		}
	}
}

// isEmptyNode reports a document with nothing in it but, maybe, comments.
func isEmptyNode(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == "" && n.Style == 0
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		return "a boolean"
	case "!!int", "!!float":
		return "a number"
	}
	return "a string"
}

// tpos is a 1-based line and column in the decoded text; zero is unknown.
type tpos struct{ line, col int }

type yamlDecoder struct {
	src    *source
	ix     *Index
	diags  diag.Diagnostics
	values int
	// stop is set when a limit is hit: decoding more would only repeat
	// the same error or do the work the limit is there to prevent.
	stop bool
	// sizes memoises how many values a node expands to, aliases included,
	// so an alias bomb is measured without being expanded.
	sizes map[*yaml.Node]int
	// active holds the anchored nodes being decoded, to catch an alias
	// that refers to its own ancestor.
	active map[*yaml.Node]bool
}

func (d *yamlDecoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags = append(d.diags, diag.Errorf(d.src.at(n.Line, n.Column), format, args...))
}

func (d *yamlDecoder) fail(n *yaml.Node, format string, args ...any) {
	d.errorf(n, format, args...)
	d.stop = true
}

// add indexes path with the range from n's start to end.
func (d *yamlDecoder) add(path string, n *yaml.Node, end tpos) {
	start := d.src.pos(n.Line, n.Column)
	e := start
	if end.line > 0 {
		e = d.src.pos(end.line, end.col)
	}
	d.ix.Add(path, *d.src.span(start, e))
}

// value decodes n, found at path inside depth enclosing collections, and
// returns it with the end of its spelling in the text.
func (d *yamlDecoder) value(n *yaml.Node, path string, depth int) (any, tpos) {
	if d.stop {
		return nil, tpos{}
	}
	d.values++
	if d.values > maxValues {
		d.fail(n, "the document has more than %d values", maxValues) // overflow() should have caught it
		return nil, tpos{}
	}
	if n.Kind == yaml.AliasNode {
		t := d.enter(n)
		if t == nil {
			return nil, tpos{}
		}
		d.values-- // the alias stands for its target, which is counted
		v, _ := d.value(t, path, depth)
		delete(d.active, t)
		return v, aliasEnd(n)
	}
	if n.Anchor != "" {
		d.active[n] = true
		defer delete(d.active, n)
	}
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		if depth >= maxDepth {
			d.fail(n, "the document nests deeper than %d levels", maxDepth)
			return nil, tpos{}
		}
		if n.Kind == yaml.MappingNode {
			return d.mapping(n, path, depth+1)
		}
		return d.sequence(n, path, depth+1)
	case yaml.ScalarNode:
		return d.scalar(n), d.scalarEnd(n)
	}
	d.errorf(n, "unexpected YAML node")
	return nil, tpos{}
}

// enter resolves an alias, refusing one that loops or that would expand
// past the value limit.
func (d *yamlDecoder) enter(n *yaml.Node) *yaml.Node {
	t := n.Alias
	if t == nil {
		d.errorf(n, "unknown alias *%s", n.Value)
		return nil
	}
	size := d.size(t)
	if d.active[t] || size < 0 {
		d.errorf(n, "alias *%s refers to a value that contains it", n.Value)
		return nil
	}
	if size > maxValues-d.values {
		d.fail(n, "aliases expand to more than %d values", maxValues)
		return nil
	}
	d.active[t] = true
	return t
}

// size counts the values n expands to, saturating just above maxValues;
// -1 means n contains itself through an alias.
func (d *yamlDecoder) size(n *yaml.Node) int {
	if s, ok := d.sizes[n]; ok {
		return s
	}
	d.sizes[n] = -1
	s := 1
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		s = d.size(n.Alias)
	}
	for i, c := range n.Content {
		if s < 0 {
			break
		}
		if n.Kind == yaml.MappingNode && i%2 == 0 && !isMergeKey(c) {
			continue // keys are not values; counted as value() counts
		}
		cs := d.size(c)
		if cs < 0 {
			s = -1
			break
		}
		s = min(s+cs, maxValues+1)
	}
	d.sizes[n] = s
	return s
}

// overflow finds, before anything is built, the alias at which the
// document grows past maxValues, so that an alias bomb costs no more than
// reading it.
func (d *yamlDecoder) overflow(root *yaml.Node) *yaml.Node {
	total := 0
	var walk func(n *yaml.Node) *yaml.Node
	walk = func(n *yaml.Node) *yaml.Node {
		if n.Kind == yaml.AliasNode {
			if n.Alias != nil {
				// A cycle (size -1) is reported, with its own message,
				// when the value is decoded.
				total += max(d.size(n.Alias), 0)
			}
			if total > maxValues {
				return n
			}
			return nil
		}
		if total++; total > maxValues {
			return n
		}
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 0 {
				continue // keys are not values
			}
			if at := walk(c); at != nil {
				return at
			}
		}
		return nil
	}
	return walk(root)
}

func (d *yamlDecoder) sequence(n *yaml.Node, path string, depth int) ([]any, tpos) {
	out := make([]any, 0, len(n.Content))
	var end tpos
	for i, c := range n.Content {
		p := JoinIndex(path, i)
		v, e := d.value(c, p, depth)
		d.add(p, c, e)
		out = append(out, v)
		end = e
	}
	return out, d.closeFlow(n, end)
}

func (d *yamlDecoder) mapping(n *yaml.Node, path string, depth int) (map[string]any, tpos) {
	out := make(map[string]any, len(n.Content)/2)
	seen := map[string]*yaml.Node{}
	var merges []*yaml.Node
	var end tpos
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if isMergeKey(k) {
			merges = append(merges, v)
			if v.Kind == yaml.AliasNode {
				end = aliasEnd(v)
			}
			continue
		}
		end = d.entry(out, seen, k, v, path, depth, false)
	}
	for _, m := range merges {
		d.merge(out, m, path, depth, false)
	}
	return out, d.closeFlow(n, end)
}

// entry decodes one key: value pair into out. Pairs that come from a merge
// never replace a key the mapping already has.
func (d *yamlDecoder) entry(out map[string]any, seen map[string]*yaml.Node, k, v *yaml.Node, path string, depth int, merged bool) tpos {
	if d.stop {
		return tpos{}
	}
	key, ok := d.key(k)
	if !ok {
		return tpos{}
	}
	if first := seen[key]; first != nil {
		d.errorf(k, "duplicate key %q: it is already set on line %d", key, d.src.pos(first.Line, first.Column).Line)
		return tpos{}
	}
	seen[key] = k
	if _, set := out[key]; set && merged {
		return tpos{}
	}
	p := JoinKey(path, key)
	val, end := d.value(v, p, depth)
	if end.line == 0 {
		end = d.scalarEnd(k)
	}
	d.add(p, k, end)
	out[key] = val
	return end
}

func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge"
}

// merge applies a `<<: *base` key: the keys of the merged mappings are
// added where the mapping does not set them itself, earlier merges first.
func (d *yamlDecoder) merge(out map[string]any, m *yaml.Node, path string, depth int, inList bool) {
	if d.stop {
		return
	}
	src := m
	if m.Kind == yaml.AliasNode {
		if src = d.enter(m); src == nil {
			return
		}
		defer delete(d.active, src)
	} else if m.Anchor != "" {
		d.active[m] = true
		defer delete(d.active, m)
	}
	switch {
	case src.Kind == yaml.MappingNode:
		seen := map[string]*yaml.Node{}
		var inner []*yaml.Node
		for i := 0; i+1 < len(src.Content); i += 2 {
			k, v := src.Content[i], src.Content[i+1]
			if isMergeKey(k) {
				inner = append(inner, v)
				continue
			}
			d.entry(out, seen, k, v, path, depth, true)
		}
		for _, x := range inner {
			d.merge(out, x, path, depth, false)
		}
	case src.Kind == yaml.SequenceNode && !inList && m.Kind != yaml.AliasNode:
		for _, x := range src.Content {
			d.merge(out, x, path, depth, true)
		}
	default:
		d.errorf(m, "the value of a << merge key must be a mapping or a list of mappings, not %s", describe(src))
	}
}

// key returns a mapping key as a string. YAML allows any node as a key;
// a design review is data for policies, whose objects have string keys.
func (d *yamlDecoder) key(k *yaml.Node) (string, bool) {
	n := k
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(k, "a mapping key must be a string, not %s", describe(n))
		return "", false
	}
	return normal(n.Value), true
}

func (d *yamlDecoder) scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool", "!!int", "!!float":
	default:
		// Strings, and tags a policy has no type for (timestamps,
		// binary, custom tags), are kept as written.
		return normal(n.Value)
	}
	var v any
	if err := n.Decode(&v); err != nil {
		d.errorf(n, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil
	}
	switch x := v.(type) {
	case bool:
		return x
	case int:
		return int64(x)
	case int64:
		return x
	case uint64:
		if x <= math.MaxInt64 {
			return int64(x)
		}
		return float64(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			d.errorf(n, "%s is not a finite number; design reviews are exchanged as JSON, which has no NaN or infinity", n.Value)
			return nil
		}
		return x
	}
	return normal(n.Value)
}

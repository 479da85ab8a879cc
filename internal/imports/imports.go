// Package imports merges the facts a team already keeps elsewhere (a
// Backstage catalog entry, OpenSLO objectives, a Score workload) into a
// design review before it is validated and evaluated, so nobody types
// them twice.
//
// A fact written in the review always wins over an imported one. Every
// imported fact is indexed at its position in the file it came from, so
// a finding about it points into that file, not into the review.
package imports

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/regularfile"
	"github.com/archvet/archvet/internal/repo"
)

// MaxFileSize bounds an imported file, as checks bounds a review.
const MaxFileSize = 10 << 20

// Apply reads the files named in the review's imports section, relative to
// the review, and merges their facts into doc.Value and doc.Index. A file
// that is missing is an error at its imports entry; a file that does not
// parse, or holds a value of the wrong type, is an error at that place in
// the imported file.
//
// Imports are read only from inside the review's repository (the nearest
// directory above it holding .git; the review's own directory when there
// is none). An absolute path, a ../ path that leaves it, or a symlink that
// leads out of it is an error at the imports entry, and the file is never
// opened: a pull request that writes a review must not make CI read, or
// describe, a file of the runner.
func Apply(doc *document.Document) diag.Diagnostics {
	imp, ok := doc.Value["imports"].(map[string]any)
	if !ok {
		return nil // absent, or the wrong type, which the schema reports
	}
	m := &merger{doc: doc, base: filepath.Dir(doc.Path)}
	m.root = reviewRoot(m.base)
	if p, ok := imp["backstage"].(string); ok {
		m.backstage(p, "imports.backstage")
	}
	if list, ok := imp["openslo"].([]any); ok {
		for i, item := range list {
			if p, ok := item.(string); ok {
				m.openSLO(p, document.JoinIndex("imports.openslo", i))
			}
		}
	}
	if p, ok := imp["score"].(string); ok {
		m.score(p, "imports.score")
	}
	return m.diags
}

// merger writes imported facts into one review.
type merger struct {
	doc   *document.Document
	base  string
	root  string // absolute; imports stay inside it
	diags diag.Diagnostics
}

// source is one imported document and the review field that imported it.
type source struct {
	doc   *document.Document
	field string // e.g. imports.openslo[1]
}

// at is the range of a path in the review, or its nearest parent.
func at(d *document.Document, path string) *diag.Range {
	r, _, ok := d.Index.Resolve(path)
	if !ok {
		return &diag.Range{Filename: d.Path}
	}
	return &r
}

func (m *merger) errorf(r *diag.Range, format string, args ...any) {
	m.diags = append(m.diags, diag.Errorf(r, format, args...))
}

func (m *merger) warnf(r *diag.Range, format string, args ...any) {
	m.diags = append(m.diags, diag.Warningf(r, format, args...))
}

// load reads and decodes one imported file, which may hold several YAML
// documents, or a list of objects.
// ok is false when the file could not be read or decoded; a file that
// holds no document at all is ok and empty.
func (m *merger) load(rel, field, what string) (path string, docs []*document.Document, ok bool) {
	path = rel
	if !filepath.IsAbs(path) {
		path = filepath.Join(m.base, rel)
	}
	real, err := repo.Confine(m.root, path)
	if errors.Is(err, repo.ErrOutside) {
		m.errorf(at(m.doc, field), "the imported %s %s is outside the repository, or a link that leads out of it; archvet reads imports only from files inside the repository", what, rel)
		return path, nil, false
	}
	var src []byte
	if err == nil {
		src, err = regularfile.Read(real, MaxFileSize)
	}
	var big *regularfile.TooBigError
	switch {
	case errors.As(err, &big):
		m.errorf(at(m.doc, field), "the imported %s %s is %d bytes, over the %d-byte limit", what, path, big.Size, MaxFileSize)
		return path, nil, false
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		m.errorf(at(m.doc, field), "cannot read the imported %s %s: %v", what, path, err)
		return path, nil, false
	}
	docs, ds := document.LoadYAMLStream(path, src)
	m.diags = append(m.diags, ds...)
	return path, docs, !ds.HasErrors()
}

// reviewRoot is the directory imports are confined to: the repository of
// the review, else the review's own directory.
func reviewRoot(base string) string {
	abs, err := filepath.Abs(base)
	if err != nil {
		return base
	}
	if root, ok := repo.Root(abs); ok {
		return root
	}
	return abs
}

// --- reading imported values with their positions --------------------------

// get walks keys from the root of an imported document.
func get(d *document.Document, keys ...string) (any, string) {
	var v any = d.Value
	path := ""
	for _, k := range keys {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, path
		}
		path = document.JoinKey(path, k)
		v = obj[k]
	}
	return v, path
}

// str reads an optional string; a value of another type is an error at it.
func (m *merger) str(src source, keys ...string) (string, string, bool) {
	v, path := get(src.doc, keys...)
	switch s := v.(type) {
	case nil:
		return "", path, false
	case string:
		return s, path, s != ""
	}
	m.errorf(at(src.doc, path), "%s: want a string", path)
	return "", path, false
}

// strings reads an optional list of strings, each with its path.
func (m *merger) strings(src source, keys ...string) (vals, paths []string) {
	v, path := get(src.doc, keys...)
	if v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		m.errorf(at(src.doc, path), "%s: want a list of strings", path)
		return nil, nil
	}
	for i, item := range list {
		p := document.JoinIndex(path, i)
		s, ok := item.(string)
		if !ok {
			m.errorf(at(src.doc, p), "%s: want a string", p)
			continue
		}
		vals, paths = append(vals, s), append(paths, p)
	}
	return vals, paths
}

// number reads an optional number.
func (m *merger) number(src source, v any, path string) (float64, bool) {
	switch n := v.(type) {
	case nil:
		return 0, false
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	m.errorf(at(src.doc, path), "%s: want a number", path)
	return 0, false
}

// orderedKeys lists an imported mapping's keys in the order they are
// written, which Go maps forget.
func orderedKeys(d *document.Document, path string, obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	pos := func(k string) int {
		r, _, _ := d.Index.Resolve(document.JoinKey(path, k))
		return r.Start.Byte
	}
	sort.Slice(keys, func(i, j int) bool {
		if pi, pj := pos(keys[i]), pos(keys[j]); pi != pj {
			return pi < pj
		}
		return keys[i] < keys[j]
	})
	return keys
}

// --- writing facts into the review ----------------------------------------

// index points a review path at the imported value it came from.
func (m *merger) index(path string, src source, from string) {
	r, _, ok := src.doc.Index.Resolve(from)
	if ok {
		m.doc.Index.Add(path, r)
	}
}

// object finds, or creates, the object at keys in the review. Objects it
// creates are not indexed: a finding about a field missing from them is
// the review's to fix, and points into the review.
func (m *merger) object(keys []string) (map[string]any, string) {
	obj, path := m.doc.Value, ""
	for _, k := range keys {
		path = document.JoinKey(path, k)
		next, exists := obj[k]
		if !exists {
			created := map[string]any{}
			obj[k] = created
			obj = created
			continue
		}
		o, ok := next.(map[string]any)
		if !ok {
			return nil, path // the review's own value has the wrong type; the schema says so
		}
		obj = o
	}
	return obj, path
}

// set writes a fact at keys unless the review already has one there.
func (m *merger) set(keys []string, value any, src source, from string) {
	obj, path := m.object(keys[:len(keys)-1])
	if obj == nil {
		return
	}
	m.fill(obj, path, keys[len(keys)-1], value, src, from)
}

// fill writes one field of an object unless the object already has it.
func (m *merger) fill(obj map[string]any, path, key string, value any, src source, from string) {
	if _, exists := obj[key]; exists {
		return
	}
	obj[key] = value
	m.index(document.JoinKey(path, key), src, from)
}

// entry finds the entry called name in the list at keys, or appends one
// indexed at the imported value it stands for. A list the import creates
// is indexed at the review's imports entry, where it came from.
func (m *merger) entry(keys []string, name string, src source, from string) (map[string]any, string) {
	parent, ppath := m.object(keys[:len(keys)-1])
	if parent == nil {
		return nil, ""
	}
	key := keys[len(keys)-1]
	lpath := document.JoinKey(ppath, key)
	raw, exists := parent[key]
	if !exists {
		raw = []any{}
		if r, _, ok := m.doc.Index.Resolve(src.field); ok {
			m.doc.Index.Add(lpath, r)
		}
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, ""
	}
	for i, item := range list {
		if e, ok := item.(map[string]any); ok && e["name"] == name {
			return e, document.JoinIndex(lpath, i)
		}
	}
	e := map[string]any{"name": name}
	epath := document.JoinIndex(lpath, len(list))
	parent[key] = append(list, e)
	m.index(epath, src, from)
	m.index(document.JoinKey(epath, "name"), src, from)
	return e, epath
}

// whole returns n as an int64 when it is a whole number, so an imported
// 99 decodes like a written one.
func whole(n float64) any {
	if n == float64(int64(n)) {
		return int64(n)
	}
	return n
}

// entityName strips the kind and namespace from a Backstage entity
// reference: group:default/team-checkout is team-checkout.
func entityName(ref string) (kind, name string) {
	name = ref
	if k, rest, ok := strings.Cut(name, ":"); ok && !strings.Contains(k, "/") {
		kind, name = strings.ToLower(k), rest
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return kind, name
}

func describeDocs(docs []*document.Document, keys ...string) string {
	var names []string
	for _, d := range docs {
		if v, _ := get(d, keys...); v != nil {
			names = append(names, fmt.Sprint(v))
		}
	}
	return strings.Join(names, ", ")
}

package document

import (
	"bytes"
	"strings"

	"github.com/archvet/archvet/internal/diag"
)

// LoadYAMLStream decodes a YAML file that may hold several documents
// separated by --- lines, as Backstage catalog files and OpenSLO files
// often do, or a list of objects at the top level (OpenSLO's list form),
// each object then returned as a document. Each document is decoded with
// the same limits and positions as a design review; empty documents are
// skipped. A design review itself is
// one document and is read with LoadYAML, which rejects a second one.
func LoadYAMLStream(path string, src []byte) ([]*Document, diag.Diagnostics) {
	text, skip, bad := checkText(path, src)
	if bad != nil {
		return nil, diag.Diagnostics{*bad}
	}
	var (
		docs  []*Document
		diags diag.Diagnostics
	)
	decode := func(start, end, line int) {
		chunk := append([]byte(nil), text[start:end]...)
		// Blank out the --- or ... that opened this document rather than
		// cut it off, so columns on its line stay those of the file.
		if isMarker(chunk) {
			copy(chunk, "   ")
		}
		if !hasContent(chunk) {
			return
		}
		s := newSource(path, chunk, line-1, skip+start)
		v, ix, ds := decodeYAMLRoot(s, s.at(1, 1), true)
		diags = append(diags, ds...)
		if ds.HasErrors() {
			return
		}
		switch v := v.(type) {
		case map[string]any:
			docs = append(docs, &Document{Path: path, Format: YAML, Value: v, Index: ix})
		case []any:
			// A top-level list of objects, as OpenSLO's tools also read
			// them: each object is a document of its own, its paths
			// rooted at the object.
			for i, item := range v {
				prefix := JoinIndex("", i)
				obj, ok := item.(map[string]any)
				if !ok {
					r, _, _ := ix.Resolve(prefix)
					diags = append(diags, diag.Errorf(&r, "the entries of a top-level list must be mappings of keys to values, not %s", describeValue(item)))
					continue
				}
				docs = append(docs, &Document{Path: path, Format: YAML, Value: obj, Index: ix.sub(prefix)})
			}
		}
	}
	start, line := 0, 1
	for i, l := range splitLines(text) {
		if i > 0 && isMarker(l.text) {
			decode(start, l.start, line)
			start, line = l.start, i+1
		}
	}
	decode(start, len(text), line)
	return docs, diags
}

// sub is the part of the index below prefix, re-rooted there: [2].a.b
// becomes a.b under prefix [2].
func (ix *Index) sub(prefix string) *Index {
	out := NewIndex(ix.filename)
	for p, r := range ix.ranges {
		rest, ok := strings.CutPrefix(p, prefix)
		switch {
		case !ok:
		case rest == "":
			out.ranges[""] = r
		case rest[0] == '.':
			out.ranges[rest[1:]] = r
		case rest[0] == '[':
			out.ranges[rest] = r
		}
	}
	return out
}

func describeValue(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "a list"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	}
	return "a number"
}

// isMarker recognises a line that starts or ends a document: --- or ...
// alone, or --- followed by a space and the document's first node.
func isMarker(line []byte) bool {
	if bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("...")) {
		rest := line[3:]
		return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r'
	}
	return false
}

// hasContent reports whether a document holds anything but blank lines,
// comments and directives.
func hasContent(chunk []byte) bool {
	for _, l := range bytes.Split(chunk, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] != '#' && t[0] != '%' {
			return true
		}
	}
	return false
}

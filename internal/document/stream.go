package document

import (
	"bytes"

	"github.com/archvet/archvet/internal/diag"
)

// LoadYAMLStream decodes a YAML file that may hold several documents
// separated by --- lines, as Backstage catalog files and OpenSLO files
// often do. Each document is decoded with the same limits and positions as
// a design review; empty documents are skipped. A design review itself is
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
		v, ix, ds := decodeYAML(s, s.at(1, 1))
		diags = append(diags, ds...)
		if v != nil && !ds.HasErrors() {
			docs = append(docs, &Document{Path: path, Format: YAML, Value: v, Index: ix})
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

package document

import (
	"bytes"
	"strings"

	"github.com/archvet/archvet/internal/diag"
)

// LoadMarkdown decodes a design review kept in a Markdown document: its
// YAML front matter or, when it has none, its first ```yaml archvet block.
// Positions point into the Markdown file.
func LoadMarkdown(path string, src []byte) (*Document, diag.Diagnostics) {
	text, skip, bad := checkText(path, src)
	if bad != nil {
		return nil, diag.Diagnostics{*bad}
	}
	lines := splitLines(text)
	// An explicit ```yaml archvet block wins over front matter, which a
	// docs site may use for its own title and layout.
	block := fencedBlock(path, text, lines, skip)
	if block == nil {
		var ds diag.Diagnostics
		block, ds = frontMatter(path, text, lines, skip)
		if ds != nil {
			return nil, ds
		}
	}
	if block == nil {
		return nil, diag.Diagnostics{diag.Errorf(fileStart(path),
			"no design review found: add YAML front matter or a ```yaml archvet block")}
	}
	s := newSource(path, text[block.start:block.end], block.line-1, skip+block.start)
	v, ix, ds := decodeYAML(s, block.opener)
	if ds.HasErrors() {
		return nil, ds
	}
	return &Document{Path: path, Format: Markdown, Value: v, Index: ix}, ds
}

// mdLine is one line of the Markdown text; text excludes the line break.
type mdLine struct {
	start int
	text  []byte
}

func splitLines(text []byte) []mdLine {
	var out []mdLine
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += start
			next = end + 1
		}
		out = append(out, mdLine{start, bytes.TrimSuffix(text[start:end], []byte("\r"))})
		start = next
	}
	return out
}

// embedded is the YAML found in a Markdown file: text[start:end], whose
// first line is line `line` of the file, opened by the delimiter at opener.
type embedded struct {
	start, end int
	line       int
	opener     *diag.Range
}

func lineRange(filename string, l mdLine, n, col, skip int) *diag.Range {
	p := diag.Pos{Line: n, Column: col, Byte: skip + l.start + col - 1}
	return &diag.Range{Filename: filename, Start: p, End: p}
}

// frontMatter finds a `---` line opening the file and the `---` or `...`
// line closing it. text is unused but kept: mdprobe.go calls it this way.
func frontMatter(filename string, text []byte, lines []mdLine, skip int) (*embedded, diag.Diagnostics) {
	if len(lines) == 0 || trimRight(lines[0].text) != "---" {
		return nil, nil
	}
	opener := lineRange(filename, lines[0], 1, 1, skip)
	for i := 1; i < len(lines); i++ {
		if t := trimRight(lines[i].text); t == "---" || t == "..." {
			return &embedded{start: lines[1].start, end: lines[i].start, line: 2, opener: opener}, nil
		}
	}
	return nil, diag.Diagnostics{diag.Errorf(opener, "the front matter opened here is never closed: end it with a line holding only ---")}
}

func trimRight(b []byte) string { return strings.TrimRight(string(b), " \t") }

// fencedBlock finds the first fenced code block whose info string is
// `yaml archvet`, skipping over the content of other fenced blocks so
// that an example inside one is not taken for the review. An unclosed
// block runs to the end of the file, as in CommonMark.
func fencedBlock(filename string, text []byte, lines []mdLine, skip int) *embedded {
	for i := 0; i < len(lines); i++ {
		fc, n, indent, info, ok := openFence(lines[i].text)
		if !ok {
			continue
		}
		j := i + 1
		for j < len(lines) && !closesFence(lines[j].text, fc, n) {
			j++
		}
		if f := strings.Fields(info); len(f) >= 2 && f[0] == "yaml" && f[1] == "archvet" {
			start, end := len(text), len(text)
			if i+1 < len(lines) {
				start = lines[i+1].start
			}
			if j < len(lines) {
				end = lines[j].start
			}
			return &embedded{start: start, end: end, line: i + 2, opener: lineRange(filename, lines[i], i+1, indent+1, skip)}
		}
		i = j
	}
	return nil
}

// openFence recognises a line opening a fenced code block: up to three
// spaces, then three or more backticks or tildes, then the info string.
func openFence(line []byte) (fc byte, n, indent int, info string, ok bool) {
	for indent < len(line) && indent < 4 && line[indent] == ' ' {
		indent++
	}
	if indent > 3 || indent >= len(line) || (line[indent] != '`' && line[indent] != '~') {
		return 0, 0, 0, "", false
	}
	fc = line[indent]
	for indent+n < len(line) && line[indent+n] == fc {
		n++
	}
	if n < 3 {
		return 0, 0, 0, "", false
	}
	info = strings.TrimSpace(string(line[indent+n:]))
	if fc == '`' && strings.ContainsRune(info, '`') {
		return 0, 0, 0, "", false
	}
	return fc, n, indent, info, true
}

func closesFence(line []byte, fc byte, n int) bool {
	i := 0
	for i < len(line) && i < 4 && line[i] == ' ' {
		i++
	}
	if i > 3 {
		return false
	}
	m := 0
	for i+m < len(line) && line[i+m] == fc {
		m++
	}
	return m >= n && strings.TrimSpace(string(line[i+m:])) == ""
}

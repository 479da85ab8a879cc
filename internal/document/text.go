package document

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"

	"github.com/archvet/archvet/internal/diag"
)

const bom = "\xef\xbb\xbf"

// checkText strips a UTF-8 byte order mark, which editors on Windows add
// and which no parser here expects, and rejects input that is not text:
// a binary file should be named as such, not reported as a syntax error
// somewhere in the middle. skip is the length of the stripped mark.
func checkText(filename string, src []byte) (text []byte, skip int, bad *diag.Diagnostic) {
	if bytes.HasPrefix(src, []byte(bom)) {
		skip = len(bom)
	}
	line, lineStart := 1, skip
	for i := skip; i < len(src); {
		c := src[i]
		if c == '\n' {
			line++
			i++
			lineStart = i
			continue
		}
		if c < utf8.RuneSelf && c != 0 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == 0 || (r == utf8.RuneError && n == 1) {
			p := diag.Pos{Line: line, Column: utf8.RuneCount(src[lineStart:i]) + 1, Byte: i}
			rng := &diag.Range{Filename: filename, Start: p, End: p}
			var d diag.Diagnostic
			if r == 0 {
				d = diag.Errorf(rng, "file is binary, not text: it contains a NUL byte")
			} else {
				d = diag.Errorf(rng, "file is not valid UTF-8 text")
				d.Detail = "archvet reads design reviews as UTF-8; re-save the file as UTF-8"
			}
			return nil, skip, &d
		}
		i += n
	}
	return src[skip:], skip, nil
}

// source maps positions in a decoded text back to the file it came from:
// the text may be the whole file minus a byte order mark, or a YAML block
// embedded in Markdown, whose line 1 is line lineOff+1 of the file.
type source struct {
	filename string
	text     []byte
	lineOff  int
	byteOff  int
	starts   []int // byte offset of the start of each line of text
}

func newSource(filename string, text []byte, lineOff, byteOff int) *source {
	s := &source{filename: filename, text: text, lineOff: lineOff, byteOff: byteOff}
	s.starts = append(s.starts, 0)
	// Count line breaks the way the YAML scanner does (CR, LF, CRLF, NEL,
	// LS, PS), so that its line numbers and our byte offsets agree.
	for i := 0; i < len(text); {
		switch {
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			i += 2
		case text[i] == '\r' || text[i] == '\n':
			i++
		case bytes.HasPrefix(text[i:], []byte("\u0085")):
			i += 2
		case bytes.HasPrefix(text[i:], []byte("\u2028")), bytes.HasPrefix(text[i:], []byte("\u2029")):
			i += 3
		default:
			i++
			continue
		}
		s.starts = append(s.starts, i)
	}
	return s
}

// lines is the number of lines in the text, counting a last line that is
// empty because the text ends in a line break.
func (s *source) lines() int { return len(s.starts) }

// line returns line n (1-based) of the text without its line break.
func (s *source) line(n int) []byte {
	if n < 1 || n > len(s.starts) {
		return nil
	}
	end := len(s.text)
	if n < len(s.starts) {
		end = s.starts[n]
	}
	l := s.text[s.starts[n-1]:end]
	for len(l) > 0 {
		switch {
		case l[len(l)-1] == '\n' || l[len(l)-1] == '\r':
			l = l[:len(l)-1]
		case bytes.HasSuffix(l, []byte("\u0085")):
			l = l[:len(l)-2]
		case bytes.HasSuffix(l, []byte("\u2028")), bytes.HasSuffix(l, []byte("\u2029")):
			l = l[:len(l)-3]
		default:
			return l
		}
	}
	return l
}

// pos converts a 1-based line and rune column of the text into a position
// in the file.
func (s *source) pos(line, col int) diag.Pos {
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	b := len(s.text)
	if line <= len(s.starts) {
		l := s.line(line)
		off := 0
		for n := 1; n < col && off < len(l); n++ {
			_, w := utf8.DecodeRune(l[off:])
			off += w
		}
		b = s.starts[line-1] + off
	}
	return diag.Pos{Line: line + s.lineOff, Column: col, Byte: b + s.byteOff}
}

// lineCol converts a byte offset of the text into a line and rune column.
func (s *source) lineCol(off int) (int, int) {
	line := sort.Search(len(s.starts), func(k int) bool { return s.starts[k] > off })
	return line, utf8.RuneCount(s.text[s.starts[line-1]:off]) + 1
}

func (s *source) span(start, end diag.Pos) *diag.Range {
	return &diag.Range{Filename: s.filename, Start: start, End: end}
}

func (s *source) at(line, col int) *diag.Range {
	p := s.pos(line, col)
	return s.span(p, p)
}

// normal puts a string in Unicode normal form C, as HCL does with every
// string it reads, so that YAML and HCL spellings of the same text (say,
// "é" as one code point or as e plus an accent) decode to equal values.
func normal(s string) string { return cty.NormalizeString(s) }

// stripCR turns CRLF line ends into LF, so that an HCL heredoc written on
// Windows holds the same string as a YAML block scalar, which YAML already
// normalises. crs[n] is how many CRs were removed before line n+1, to map
// byte offsets back into the original file.
func stripCR(text []byte) (out []byte, crs []int) {
	if !bytes.Contains(text, []byte("\r\n")) {
		return text, nil
	}
	out = make([]byte, 0, len(text))
	crs = []int{0}
	removed := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			removed++
			continue
		}
		out = append(out, c)
		if c == '\n' {
			crs = append(crs, removed)
		}
	}
	return out, crs
}

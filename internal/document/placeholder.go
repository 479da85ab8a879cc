package document

import (
	"bytes"
	"regexp"

	"github.com/archvet/archvet/internal/diag"
)

// A starter written by `archvet init` leaves every section it does not
// fill in as a commented-out placeholder at the start of a line:
//
//	# deployment:                 (YAML)
//	# deployment {                (HCL)
//	# dependency "<name>" {       (HCL, an entry of the dependencies list)
//
// A finding about a section that is absent is best shown on its
// placeholder, where the team will write it, rather than piled with every
// other absent section onto the service block. Only a comment in the first
// column that names a top-level section counts, and only outside every
// value the file sets (a heredoc or block scalar may hold such a line as
// text); Locate uses it only when that very section is absent.
var (
	yamlPlaceholder = regexp.MustCompile(`^#[ \t]*([a-z_][a-z0-9_]*):[ \t]*$`)
	hclPlaceholder  = regexp.MustCompile(`^#[ \t]*([a-z_][a-z0-9_]*)[ \t]*(?:("[^"]*")[ \t]*)?\{[ \t]*$`)
)

// placeholderLine is one line of a review, with its absolute line number.
type placeholderLine struct {
	line int
	text []byte
}

// addPlaceholders records the placeholders among lines. section maps a
// match to the top-level key it stands for ("" to skip it); pos gives the
// position of a column of a line.
func (ix *Index) addPlaceholders(lines []placeholderLine, re *regexp.Regexp, section func(m [][]byte) string, pos func(line, col int) diag.Pos) {
	covered := ix.coveredLines()
	for _, l := range lines {
		if len(l.text) == 0 || l.text[0] != '#' || covered[l.line] {
			continue
		}
		m := re.FindSubmatchIndex(bytes.TrimRight(l.text, "\r"))
		if m == nil {
			continue
		}
		groups := re.FindSubmatch(bytes.TrimRight(l.text, "\r"))
		key := section(groups)
		if key == "" {
			continue
		}
		if _, seen := ix.placeholders[key]; seen {
			continue
		}
		start, end := pos(l.line, m[2]+1), pos(l.line, m[3]+1)
		ix.placeholders[key] = diag.Range{Filename: ix.filename, Start: start, End: end}
	}
}

// coveredLines are the lines inside a value of the file, after the line
// its key is on: the body of a block scalar, heredoc or multi-line string,
// or of a section. A comment there is either text or belongs to that
// section, never a top-level placeholder.
func (ix *Index) coveredLines() map[int]bool {
	out := map[int]bool{}
	for p, r := range ix.ranges {
		if p == "" || (r.Filename != "" && r.Filename != ix.filename) {
			continue
		}
		for l := r.Start.Line; l <= r.End.Line; l++ {
			out[l] = true
		}
	}
	return out
}

// splitPlaceholderLines cuts text into lines numbered from first.
func splitPlaceholderLines(text []byte, first int) []placeholderLine {
	var out []placeholderLine
	for i, l := range bytes.Split(text, []byte("\n")) {
		out = append(out, placeholderLine{line: first + i, text: l})
	}
	return out
}

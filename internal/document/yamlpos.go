package document

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// yaml.v3 records where a node starts but not where it ends. Ends are only
// used to give an index range some width, so they are found on a best-
// effort basis: when the text at the node does not read as expected, the
// end is left unknown and the range collapses to its start.

// colOffset returns the byte offset of 1-based rune column col in line.
func colOffset(line []byte, col int) (int, bool) {
	off := 0
	for n := 1; n < col; n++ {
		if off >= len(line) {
			return 0, false
		}
		_, w := utf8.DecodeRune(line[off:])
		off += w
	}
	return off, off <= len(line)
}

func aliasEnd(n *yaml.Node) tpos {
	return tpos{n.Line, n.Column + 1 + utf8.RuneCountInString(n.Value)}
}

func (d *yamlDecoder) scalarEnd(n *yaml.Node) tpos {
	line := d.src.line(n.Line)
	off, ok := colOffset(line, n.Column)
	if !ok {
		return tpos{}
	}
	rest := line[off:]
	width := -1
	switch n.Style {
	case 0:
		if bytes.HasPrefix(rest, []byte(n.Value)) {
			width = len(n.Value)
		}
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		width = quotedWidth(rest)
	}
	if width < 0 {
		return tpos{}
	}
	return tpos{n.Line, n.Column + utf8.RuneCount(rest[:width])}
}

// quotedWidth returns the byte length of a quoted scalar that starts and
// ends on this line, or -1.
func quotedWidth(s []byte) int {
	if len(s) == 0 || (s[0] != '"' && s[0] != '\'') {
		return -1
	}
	q := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			return i + 1
		}
	}
	return -1
}

// closeFlow extends the end of a flow collection past its closing bracket.
func (d *yamlDecoder) closeFlow(n *yaml.Node, end tpos) tpos {
	if n.Style&yaml.FlowStyle == 0 {
		return end
	}
	from := end
	if len(n.Content) == 0 {
		from = tpos{n.Line, n.Column + 1}
	}
	if from.line == 0 {
		return end
	}
	for ln := from.line; ln <= d.src.lines() && ln < from.line+maxDepth; ln++ {
		text := d.src.line(ln)
		off := 0
		if ln == from.line {
			var ok bool
			if off, ok = colOffset(text, from.col); !ok {
				return end
			}
		}
		for i := off; i < len(text); i++ {
			switch text[i] {
			case ' ', '\t', ',':
				continue
			case ']', '}':
				return tpos{ln, utf8.RuneCount(text[:i]) + 2}
			}
			return end
		}
	}
	return end
}

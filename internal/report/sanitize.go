package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// This file neutralises the strings a design review, a file name or a
// custom policy controls (service and entry names, paths, messages,
// waiver fields) before a formatter prints them. A pull request writes
// those strings, and the report lands in a CI log or on a terminal:
// a raw newline there can start a GitHub workflow command (::add-mask::,
// ::stop-commands::, ::error), and an ESC byte can move the cursor, erase
// lines or retitle the window. Every formatter passes user text through
// clean; the machine formats (JSON, SARIF, Code Climate) keep the exact
// strings, escaped by their own encoders.

// clean returns s fit for one line of a log or a terminal:
//   - line breaks (CR, LF, VT, FF, NEL, U+2028, U+2029) and tabs become a
//     space, so user text never ends the line archvet started;
//   - every other C0 control, DEL and C1 control, ESC included, is shown
//     as a visible escape (\x1b, \u009b), so no escape sequence reaches a
//     terminal while the reader still sees that something was there;
//   - bidirectional overrides and isolates, which reorder what a reader
//     sees, and the non-characters U+FFFE and U+FFFF are shown the same way;
//   - bytes that are not UTF-8 become U+FFFD.
func clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r < 0xa0, isBidiControl(r), r == 0xfffe, r == 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII, which clean keeps as is.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	return r == 0x200e || r == 0x200f || r == 0x061c || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// cleanLines is clean for text that may span lines (a JUnit failure's
// body): each line is cleaned and the line breaks are kept as LF.
func cleanLines(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = clean(l)
	}
	return strings.Join(lines, "\n")
}

// runnerCommandPrefixes start a line the GitHub Actions runner reads as a
// workflow command, once leading white space is trimmed: the current
// ::name:: form and the older ##[name] one.
var runnerCommandPrefixes = []string{"::", "##["}

// startsRunnerCommand reports whether a log line would be read as a
// workflow command.
func startsRunnerCommand(line string) bool {
	t := strings.TrimLeft(line, " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")
	for _, p := range runnerCommandPrefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// displayPath is a file path as a log line shows it: cleaned, and made to
// start with ./ when it would otherwise begin a line with a workflow
// command (a file named "::add-mask::x.yaml").
func displayPath(p string) string {
	p = clean(p)
	if startsRunnerCommand(p) {
		return "./" + strings.TrimLeft(p, " ")
	}
	return p
}

// xmlText keeps only the characters XML 1.0 allows (its Char production:
// tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF); others,
// invalid UTF-8 included, become U+FFFD. encoding/xml does this for
// attributes and character data, but writes CDATA sections as given.
func xmlText(s string) string {
	ok := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isXMLChar(r) || (r == utf8.RuneError && size == 1) {
			ok = false
			break
		}
		i += size
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !isXMLChar(r) || (r == utf8.RuneError && size == 1) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xd7ff) || (r >= 0xe000 && r <= 0xfffd) || (r >= 0x10000 && r <= 0x10ffff)
}

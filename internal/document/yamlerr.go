package document

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/archvet/archvet/internal/diag"
)

func isEOF(err error) bool { return errors.Is(err, io.EOF) }

// checkYAMLChars rejects the characters the YAML spec forbids, before the
// parser does: its own error names no position.
func checkYAMLChars(s *source) *diag.Diagnostic {
	for i := 0; i < len(s.text); {
		r, w := utf8.DecodeRune(s.text[i:])
		if !yamlPrintable(r) {
			d := diag.Errorf(s.at(s.lineCol(i)), "control character %U is not allowed in YAML", r)
			return &d
		}
		i += w
	}
	return nil
}

func yamlPrintable(r rune) bool {
	switch {
	case r == 0x09, r == 0x0A, r == 0x0D, r >= 0x20 && r <= 0x7E, r == 0x85:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlErrProblem splits a yaml.v3 error into the line it names (0 when
// none) and the problem text.
func yamlErrProblem(err error) (int, string) {
	msg := err.Error()
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, msg[len(m[0]):]
	}
	return 0, strings.TrimPrefix(msg, "yaml: ")
}

// yamlSyntaxError turns a parse error into a diagnostic at the line of
// the problem. yaml.v3 names the line where the enclosing construct began
// (0-based for some errors, 1-based for others) and never a column, so
// the line is found by parsing ever longer prefixes of the text: the
// shortest one that fails the same way ends at the line of the problem.
func yamlSyntaxError(s *source, err error) diag.Diagnostic {
	reported, problem := yamlErrProblem(err)
	line := locateYAMLError(s, problem, reported)
	text := s.line(line)
	col := yamlErrColumn(text, problem)
	summary := "invalid YAML: " + problem
	if strings.HasPrefix(problem, "exceeded max depth") {
		summary = fmt.Sprintf("the document nests deeper than %d levels", maxDepth)
	}
	d := diag.Errorf(s.at(line, col), "%s", summary)
	if off, ok := colOffset(text, col); ok && off < len(text) && text[off] == '\t' {
		d.Detail = "YAML indentation must use spaces, not tabs"
	}
	return d
}

func locateYAMLError(s *source, problem string, reported int) int {
	lo, hi := max(reported, 1), s.lines()
	if lo > hi {
		return hi
	}
	if len(s.text) > 1<<20 {
		return lo // each probe reparses; past a megabyte the hint will do
	}
	same := func(n int) bool {
		end := len(s.text)
		if n < len(s.starts) {
			end = s.starts[n]
		}
		_, _, err := parseYAML(s.text[:end])
		if err == nil {
			return false
		}
		_, p := yamlErrProblem(err)
		return p == problem
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if same(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

var unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// yamlErrColumn guesses the column of a problem on its line: the offending
// character when the message says which, else the line's first non-blank.
func yamlErrColumn(line []byte, problem string) int {
	at := -1
	switch {
	case strings.Contains(problem, "tab character"):
		at = bytes.IndexByte(line, '\t')
	case strings.Contains(problem, "cannot start any token"):
		at = bytes.IndexAny(line, "\t@`")
	case unknownAnchor.MatchString(problem):
		at = bytes.Index(line, []byte("*"+unknownAnchor.FindStringSubmatch(problem)[1]))
	}
	if at < 0 {
		at = len(line) - len(bytes.TrimLeft(line, " \t"))
	}
	return utf8.RuneCount(line[:at]) + 1
}

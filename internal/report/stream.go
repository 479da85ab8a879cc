package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/rules"
)

// This file lets a run over thousands of design reviews write its report
// one file at a time, so that it never holds every file's results. The
// formats that can (text, json, github, codeclimate) write their whole
// report through their stream too, so the two ways cannot drift apart:
// the golden files test both.

// Stream writes one report, a file at a time. Files must come in report
// order (sorted by path). Nothing is written before the first file, so a
// run that finds no design review can still end in a usage error.
type Stream interface {
	// File writes one design review's part of the report.
	File(f checks.FileReport) error
	// Close writes what follows the files (totals, the baseline) and
	// returns the first write error. A stream with no file writes the
	// report of an empty run.
	Close() error
}

// Streamer is a Formatter that can write its report as a Stream. The
// formats that need the whole run before they write anything (sarif's
// rule index and notifications, junit's totals in the first element,
// markdown's size budget, html's page) are not Streamers.
type Streamer interface {
	Formatter
	Stream(w io.Writer) Stream
}

// NewStream returns a stream for the named format, and false when the
// format cannot stream.
func NewStream(name string, opts Options, w io.Writer) (Stream, bool, error) {
	f, err := New(name, opts)
	if err != nil {
		return nil, false, err
	}
	s, ok := f.(Streamer)
	if !ok {
		return nil, false, nil
	}
	return s.Stream(w), true, nil
}

// Streams reports whether the named format can be written file by file.
func Streams(name string) bool {
	f, err := New(name, Options{})
	if err != nil {
		return false
	}
	_, ok := f.(Streamer)
	return ok
}

// formatAll writes a whole report through a stream: the files, then the
// system section when the run is a system and the format writes one, as
// a streaming run does.
func formatAll(s Stream, rep checks.Report) error {
	for _, f := range rep.Files {
		if err := s.File(f); err != nil {
			return err
		}
	}
	if ss, ok := s.(checks.SystemStream); ok && rep.System != nil {
		if err := ss.System(rep.System); err != nil {
			return err
		}
	}
	return s.Close()
}

// newSummary is the summary of a run with no file yet.
func newSummary() JSONSummary {
	s := JSONSummary{Findings: map[string]int{}}
	for _, sev := range []rules.Severity{rules.Critical, rules.High, rules.Medium, rules.Low} {
		s.Findings[sev.String()] = 0
	}
	return s
}

// add counts one file in the run's totals, exit code included: 2 once a
// file is broken, else 1 once a file fails the gate (checks.Report's
// ExitCode, one file at a time).
func (s *JSONSummary) add(f checks.FileReport) {
	s.Files++
	switch {
	case f.Broken:
		s.Broken++
		s.ExitCode = 2
	case len(f.GateFailures) > 0:
		s.GateFailed++
		s.ExitCode = max(s.ExitCode, 1)
	default:
		s.GatePassed++
	}
	for _, r := range f.Results {
		for _, fd := range r.Findings {
			if fd.IsWaived() {
				s.Waived++
			} else {
				s.Findings[r.Rule.Severity.String()]++
			}
		}
	}
}

// jsonWriter writes JSON values the way json.Encoder with a two-space
// indent writes them inside a larger document, so that a document written
// piece by piece is byte for byte the one Encode would write at once.
// It encodes compactly and indents with indentJSON, reusing its buffers:
// json.Encoder's own indenting took a third of the time of a JSON report.
type jsonWriter struct {
	w       io.Writer
	compact bytes.Buffer
	enc     *json.Encoder
	out     []byte
	err     error
}

// raw writes s as it is.
func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

// bytes writes b as it is.
func (j *jsonWriter) bytes(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

// value writes v, indented for the depth that prefix stands for; the
// first line is not prefixed, as in json.Indent, and no newline follows.
func (j *jsonWriter) value(v any, prefix string) {
	j.bytes(j.indented(v, prefix))
}

// indented is v as value writes it. The bytes are valid until the next
// call; nil after an error, which j.err keeps.
func (j *jsonWriter) indented(v any, prefix string) []byte {
	if j.err != nil {
		return nil
	}
	if j.enc == nil {
		j.enc = json.NewEncoder(&j.compact)
		j.enc.SetEscapeHTML(false)
	}
	j.compact.Reset()
	if j.err = j.enc.Encode(v); j.err != nil {
		return nil
	}
	j.out = indentJSON(j.out[:0], bytes.TrimSuffix(j.compact.Bytes(), []byte("\n")), prefix, "  ")
	j.out = escapeInvisible(j.out)
	return j.out
}

// indentJSON appends src, compact JSON as encoding/json writes it, to dst
// indented as json.Indent would indent it: each element on its own line,
// empty objects and arrays kept as {} and [], ": " after keys.
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	dst = slices.Grow(dst, len(src)+len(src)/2)
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the string whole; only an unescaped quote ends it.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
			continue
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
		case '}', ']':
			depth--
		case ',':
			dst = append(dst, c)
		case ':':
			dst = append(dst, ':', ' ')
			continue
		default:
			dst = append(dst, c)
			continue
		}
		// A new line, indented for the depth: after an opening bracket or
		// a comma, and before a closing bracket.
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
		if c == '}' || c == ']' {
			dst = append(dst, c)
		}
	}
	return dst
}

// escapeInvisible writes as \u escapes, inside JSON strings, the
// characters encoding/json leaves raw that a terminal or a browser acts
// on: C1 controls (U+009B is a CSI on some terminals) and bidirectional
// overrides. The decoded strings are unchanged.
func escapeInvisible(b []byte) []byte {
	if bytes.IndexByte(b, 0xc2) < 0 && bytes.IndexByte(b, 0xe2) < 0 && bytes.IndexByte(b, 0xd8) < 0 {
		return b
	}
	var out []byte
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if (r >= 0x80 && r < 0xa0) || isBidiControl(r) {
			if out == nil {
				out = append(make([]byte, 0, len(b)+16), b[:i]...)
			}
			out = fmt.Appendf(out, `\u%04x`, r)
		} else if out != nil {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	if out == nil {
		return b
	}
	return out
}

// Package diag carries problems found in user input (design reviews,
// policies, configuration) together with the source range they concern.
//
// The shape follows hcl.Diagnostic on purpose: a summary a user can scan,
// an optional detail, and a subject range, so that every error archvet
// prints can point at file:line:column.
package diag

import (
	"fmt"
	"strings"
)

// Pos is a position in a source file. Line and Column start at 1; Byte is
// the 0-based offset. A zero Line means the position is unknown.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"-"`
}

// Known reports whether the position was actually found in the source.
func (p Pos) Known() bool { return p.Line > 0 }

// Range is a span of a source file.
type Range struct {
	Filename string `json:"path"`
	Start    Pos    `json:"start"`
	End      Pos    `json:"end"`
}

// String renders the start of the range as file:line:col, or file alone
// when the position is unknown, so nothing ever pretends to be at 1:1.
func (r Range) String() string {
	if !r.Start.Known() {
		return r.Filename
	}
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

// Severity of a diagnostic. Errors stop a file from being evaluated;
// warnings are reported and evaluation goes on.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem with its position.
type Diagnostic struct {
	Severity Severity
	Summary  string
	Detail   string
	Subject  *Range
}

func (d Diagnostic) Error() string {
	var b strings.Builder
	if d.Subject != nil {
		b.WriteString(d.Subject.String())
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.Message())
	return b.String()
}

// Message is the summary followed by the detail, if any: what a report
// shows next to the position. The detail often holds the fix ("YAML
// indentation must use spaces, not tabs"), so no format may drop it.
func (d Diagnostic) Message() string {
	if d.Detail == "" {
		return d.Summary
	}
	return d.Summary + ": " + d.Detail
}

// Diagnostics is a list of problems. It implements error so that a loader
// can return all of them at once.
type Diagnostics []Diagnostic

func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// HasErrors reports whether any diagnostic is an error rather than a warning.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errorf builds an error diagnostic at a range.
func Errorf(subject *Range, format string, args ...any) Diagnostic {
	return Diagnostic{Severity: Error, Summary: fmt.Sprintf(format, args...), Subject: subject}
}

// Warningf builds a warning diagnostic at a range.
func Warningf(subject *Range, format string, args ...any) Diagnostic {
	return Diagnostic{Severity: Warning, Summary: fmt.Sprintf(format, args...), Subject: subject}
}

// Package fact holds what every artefact reader shares: the fact values
// the policies read, the positions they carry, the limits a reader works
// under, and the one way a reader opens a file. The readers themselves
// (terraform, kubernetes, openapi) and the walk that feeds them
// (internal/artefact) build on it; it depends on none of them.
package fact

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/regularfile"
)

// Limits bound what a reader of attacker-controlled files may take in.
// They sit far above any real repository and exist so that a hostile pull
// request ends in a diagnostic instead of exhausting time or memory.
type Limits struct {
	// MaxFileSize is the largest file read, in bytes.
	MaxFileSize int64
	// MaxFiles is the most files taken from one source path (a directory
	// is walked until it yields this many).
	MaxFiles int
	// MaxDepth is how many directory levels a walk descends below a
	// source path.
	MaxDepth int
	// MaxNesting is how deep a value may nest: YAML collections, or HCL
	// blocks. (The HCL expression parser has its own, larger bound.)
	MaxNesting int
	// MaxDocuments is the most YAML documents one reader takes in, over
	// all its files.
	MaxDocuments int
}

// DefaultLimits are the limits archvet runs with.
func DefaultLimits() Limits {
	return Limits{
		MaxFileSize:  10 << 20,
		MaxFiles:     10_000,
		MaxDepth:     32,
		MaxNesting:   100,
		MaxDocuments: 50_000,
	}
}

// At is a position in an artefact, as the policies see it: the display
// path (the review's directory joined with the path the review gives),
// and a 1-based line and column.
type At struct {
	File   string
	Line   int
	Column int
}

// AtRange is the start of a diagnostic range.
func AtRange(r diag.Range) At {
	return At{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column}
}

// Value is the position as policy input.
func (a At) Value() map[string]any {
	return map[string]any{"file": a.File, "line": a.Line, "column": a.Column}
}

// Range is the position as a diagnostic subject.
func (a At) Range() *diag.Range {
	p := diag.Pos{Line: a.Line, Column: a.Column}
	return &diag.Range{Filename: a.File, Start: p, End: p}
}

// Known is a fact the artefact states: {"value": v, "at": at}.
func Known(v any, at At) map[string]any {
	return map[string]any{"value": v, "at": at.Value()}
}

// Default is a fact the artefact states by leaving a setting out, whose
// documented default is v: {"value": v, "at": at, "default": true}, at
// the block that leaves it out.
func Default(v any, at At) map[string]any {
	return map[string]any{"value": v, "at": at.Value(), "default": true}
}

// Unknown is a fact whose value is an expression archvet does not
// evaluate (a variable, a local, a function call): {"unknown": true,
// "expression": source text, "at": at}.
func Unknown(expression string, at At) map[string]any {
	return map[string]any{"unknown": true, "expression": expression, "at": at.Value()}
}

// ReadFile reads one artefact file under the size limit. Errors are
// diagnostics at the file, saying what it is instead when it is not a
// regular file (a FIFO, a device, a directory).
func ReadFile(path string, lim Limits) ([]byte, *diag.Diagnostic) {
	src, err := regularfile.Read(path, lim.MaxFileSize)
	if err == nil {
		return src, nil
	}
	at := &diag.Range{Filename: path}
	var big *regularfile.TooBigError
	var pe *fs.PathError
	switch {
	case errors.As(err, &big):
		d := diag.Errorf(at, "the artefact is %d bytes, over the %d-byte limit; it is not read", big.Size, lim.MaxFileSize)
		return nil, &d
	case errors.As(err, &pe):
		err = pe.Err
	}
	d := diag.Errorf(at, "cannot read the artefact: %s", strings.TrimPrefix(err.Error(), "regularfile: "))
	return nil, &d
}

// Format renders a fact for a message or a test: 14@infra/db.tf:11:3,
// with " (default)" for a setting left out, ?var.retention@… for an
// unknown one, and "absent" for none.
func Format(f any) string {
	m, ok := f.(map[string]any)
	if !ok {
		return "absent"
	}
	at, _ := m["at"].(map[string]any)
	pos := fmt.Sprintf("%v:%v:%v", at["file"], at["line"], at["column"])
	if m["unknown"] == true {
		return fmt.Sprintf("?%v@%s", m["expression"], pos)
	}
	s := fmt.Sprintf("%v@%s", m["value"], pos)
	if m["default"] == true {
		s += " (default)"
	}
	return s
}

// Reword makes the messages of the design-review loaders, which read
// artefacts too, speak of what they are reading.
func Reword(ds diag.Diagnostics) {
	for i := range ds {
		ds[i].Summary = strings.Replace(ds[i].Summary, "the top level of a design review", "the top level of a YAML document", 1)
		ds[i].Detail = strings.Replace(ds[i].Detail, "archvet reads design reviews as UTF-8", "archvet reads artefacts as UTF-8", 1)
	}
}

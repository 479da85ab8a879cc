// Package document decodes a design review, written in YAML, HCL or the
// YAML front matter of a Markdown file, into one spelling-independent tree
// plus an index from logical paths to source ranges, so that every finding
// about the tree can point at file:line:column.
package document

import (
	"path/filepath"
	"strings"

	"github.com/archvet/archvet/internal/diag"
)

// Format is the spelling a design review is written in.
type Format string

const (
	YAML     Format = "yaml"
	HCL      Format = "hcl"
	Markdown Format = "markdown"
)

// Document is one design review, decoded into a spelling-independent tree.
type Document struct {
	Path   string // the path as the user gave it, used as diag.Range.Filename
	Format Format
	Value  map[string]any // values are only: map[string]any, []any, string, bool, int64, float64, nil
	Index  *Index
}

// Shape tells the HCL decoder which block types are entries of a list.
// parentPath is the logical path of the enclosing object with list indices
// removed: "" for the top level, "events" for blocks inside `events { }`,
// "dependencies" for blocks inside a `dependency "x" { }` block.
type Shape interface {
	ListBlock(parentPath, blockType string) (listKey, labelField string, ok bool)
}

// Limits on what one file may decode to. They are far above any real
// design review and exist so that hostile input (alias bombs, absurd
// nesting) ends in a diagnostic instead of exhausting memory or the stack.
// A million values was tried: a 400-byte alias file then took over a
// second and 200 MB to decode, so the cap is a tenth of that.
const (
	maxDepth  = 256
	maxValues = 100_000
	// maxNesting bounds how deep an HCL syntax tree may get before the
	// file is handed to a recursive parser whose stack we cannot cap.
	maxNesting = 10_000
)

// FormatOf picks the format from the file extension.
func FormatOf(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return YAML, true
	case ".hcl":
		return HCL, true
	case ".md", ".markdown":
		return Markdown, true
	}
	return "", false
}

// Load dispatches on FormatOf(path). shape is only used for HCL and may be
// nil, in which case no block is a list entry.
func Load(path string, src []byte, shape Shape) (*Document, diag.Diagnostics) {
	f, ok := FormatOf(path)
	if !ok {
		return nil, diag.Diagnostics{diag.Errorf(fileStart(path),
			"unsupported file type %q: a design review is a .yaml, .yml, .hcl, .md or .markdown file", filepath.Ext(path))}
	}
	switch f {
	case HCL:
		return LoadHCL(path, src, shape)
	case Markdown:
		return LoadMarkdown(path, src)
	default:
		return LoadYAML(path, src)
	}
}

// fileStart is the subject for problems with the file as a whole.
func fileStart(filename string) *diag.Range {
	p := diag.Pos{Line: 1, Column: 1}
	return &diag.Range{Filename: filename, Start: p, End: p}
}

// dedupe drops repeated diagnostics: a value reached both where it is
// written and through an alias would otherwise be reported twice.
func dedupe(ds diag.Diagnostics) diag.Diagnostics {
	type key struct {
		summary string
		at      diag.Pos
	}
	seen := map[key]bool{}
	out := ds[:0:0]
	for _, d := range ds {
		k := key{d.Summary, diag.Pos{}}
		if d.Subject != nil {
			k.at = d.Subject.Start
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	return out
}

package document

import (
	"bytes"

	"github.com/archvet/archvet/internal/diag"
)

// HasMarkdownReview reports, without decoding any YAML, whether Markdown
// text holds a design review where LoadMarkdown looks for one (the first
// ```yaml archvet block, else the front matter) that sets format_version
// at its top level. A directory walk uses it to pick design docs out of
// the rest of a repository's Markdown.
func HasMarkdownReview(src []byte) bool {
	text, skip, bad := checkText("", src)
	if bad != nil {
		return false
	}
	lines := splitLines(text)
	// The same choice as LoadMarkdown: an explicit fenced block first.
	block := fencedBlock("", text, lines, skip)
	if block == nil {
		var ds diag.Diagnostics
		block, ds = frontMatter("", text, lines, skip)
		if ds != nil {
			// An unclosed front matter that declares a review is a broken
			// review, which is worth reporting rather than skipping.
			return bytes.Contains(text, []byte("\nformat_version:"))
		}
	}
	if block == nil {
		return false
	}
	for _, l := range splitLines(text[block.start:block.end]) {
		if bytes.HasPrefix(l.text, []byte("format_version:")) {
			return true
		}
	}
	return false
}

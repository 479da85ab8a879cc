package inputs

import (
	"io"
	"os"

	"github.com/archvet/archvet/internal/document"
)

// markdownExtensions are the Markdown files a directory walk looks into.
var markdownExtensions = map[string]bool{".md": true, ".markdown": true}

// maxMarkdownScan bounds how much of a Markdown file the walk reads to
// decide whether it is a design doc; a review further in is found only
// when the file is named explicitly.
const maxMarkdownScan = 1 << 20

// isMarkdownReview reports whether a Markdown file found in a walk is a
// design doc carrying a review (front matter or a ```yaml archvet block
// with format_version); READMEs and other docs are skipped.
func isMarkdownReview(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true // report the error next to the other results
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxMarkdownScan))
	if err != nil {
		return true
	}
	return document.HasMarkdownReview(src)
}

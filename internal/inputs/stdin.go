package inputs

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/document"
)

// readStdin reads the review given as "-", bounded like any file: a
// stream that goes on past the limit is refused, not buffered.
func readStdin(opts Options) checks.Input {
	in := checks.Input{Path: StdinPath}
	if opts.Stdin == nil {
		in.Err = fmt.Errorf("cannot read standard input")
		return in
	}
	limit := opts.MaxFileSize
	if limit <= 0 {
		limit = checks.DefaultMaxFileSize
	}
	src, err := io.ReadAll(io.LimitReader(opts.Stdin, limit+1))
	switch {
	case err != nil:
		in.Err = fmt.Errorf("cannot read standard input: %w", err)
	case int64(len(src)) > limit:
		in.Err = fmt.Errorf("standard input is larger than the %d-byte limit for a design review; raise the limit with --max-file-size", limit)
	}
	if in.Err != nil {
		return in
	}
	in.Source = src
	in.Format = opts.StdinFormat
	if in.Format == "" {
		in.Format = Sniff(src)
	}
	return in
}

var (
	// hclStart is an HCL attribute or block at the start of a line:
	// `format_version = 1`, `service {`, `dependency "payments" {`.
	hclStart = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*\s*(=|\{|"[^"]*"\s*\{)`)
	fence    = []byte("```yaml archvet")
)

// Sniff guesses the format of a review that has no file name: Markdown
// when it opens with front matter closed before more text, or holds a
// ```yaml archvet block; HCL when its first statement is an HCL
// attribute or block; YAML otherwise.
func Sniff(src []byte) document.Format {
	if bytes.Contains(src, fence) {
		return document.Markdown
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	first, fences := "", 0
	for sc.Scan() {
		line := string(bytes.TrimRight(sc.Bytes(), " \t\r"))
		if first == "" {
			trimmed := string(bytes.TrimSpace([]byte(line)))
			if trimmed == "" || trimmed[0] == '#' || len(trimmed) > 1 && trimmed[:2] == "//" {
				continue
			}
			first = trimmed
			if first != "---" {
				break
			}
			fences = 1
			continue
		}
		if line == "---" {
			fences++
			continue
		}
		if fences == 2 && line != "" {
			return document.Markdown
		}
	}
	if hclStart.MatchString(first) {
		return document.HCL
	}
	return document.YAML
}

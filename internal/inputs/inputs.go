// Package inputs turns the command line's files, directories, globs and
// "-" (standard input) into the sorted list of design reviews to check.
package inputs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/document"
)

// reviewExtensions are the files a directory walk picks up.
var reviewExtensions = map[string]bool{".yaml": true, ".yml": true, ".hcl": true}

// errNoReview is reported for a directory named on the command line in
// which a walk finds no candidate at all: most likely a wrong path, which
// must not pass the gate unnoticed next to other files.
var errNoReview = errors.New("no design review in this directory: archvet looks for .yaml, .yml and .hcl files and for Markdown design docs that declare format_version")

// Options says what a walk leaves out and where "-" reads from.
type Options struct {
	// Exclude holds the --exclude patterns: gitignore syntax, relative to
	// the working directory.
	Exclude []string
	// Configs finds the configuration of each directory; its exclude
	// patterns apply to the walk below it. Nil reads no configuration.
	Configs *config.Resolver
	// Stdin is what the argument "-" reads, at most MaxFileSize bytes
	// (checks.DefaultMaxFileSize when zero), decoded as StdinFormat, or
	// as the format its text looks like when StdinFormat is empty.
	Stdin       io.Reader
	StdinFormat document.Format
	MaxFileSize int64
}

// StdinPath is how a review read from standard input is named in reports.
const StdinPath = "<stdin>"

// Expand resolves arguments to inputs, sorted by path and without
// duplicates. A path that does not exist is kept, so that it is reported
// as an error next to the other files' results instead of ending the run;
// so is a directory with nothing to check, and one that cannot be read.
//
// A directory walk skips what .archvetignore and the repository's
// .gitignore files ignore, the exclude patterns of the configuration that
// applies there, and --exclude. What is named on the command line (a file,
// a directory, a glob's match) is always checked.
func Expand(args []string, opts Options) []checks.Input {
	seen := map[string]bool{}
	var out []checks.Input
	add := func(in checks.Input) {
		if in.Path != StdinPath {
			in.Path = filepath.Clean(in.Path)
		}
		if seen[in.Path] {
			return
		}
		seen[in.Path] = true
		out = append(out, in)
	}
	w := newWalker(opts)
	// A directory, named or matched by a glob, is walked.
	addPath := func(p string) {
		if info, err := os.Stat(p); err != nil || !info.IsDir() {
			add(checks.Input{Path: p})
			return
		}
		found := w.walk(p)
		if len(found) == 0 {
			add(checks.Input{Path: p, Err: errNoReview})
		}
		for _, in := range found {
			add(in)
		}
	}
	for _, arg := range args {
		if arg == "-" {
			if !seen[StdinPath] {
				add(readStdin(opts))
			}
			continue
		}
		if _, err := os.Stat(arg); err != nil && strings.ContainsAny(arg, "*?[") {
			matches, _ := filepath.Glob(arg)
			if len(matches) == 0 {
				add(checks.Input{Path: arg, Err: fmt.Errorf("no file matches the pattern %q", arg)})
			}
			for _, m := range matches {
				addPath(m)
			}
			continue
		}
		addPath(arg)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// walk finds candidate design reviews below a directory. Hidden
// directories (.git) are skipped, and symlinks are not followed, so a
// symlink loop cannot trap the walk; FIFOs, sockets and devices are
// skipped too, so that nothing in the tree can block the run. A directory
// that cannot be read is an input of its own, reported as broken, and so
// is an ignore file that cannot be read.
func (w *walker) walk(root string) []checks.Input {
	var found []checks.Input
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return []checks.Input{{Path: root, Err: err}}
	}
	w.start(absRoot)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			found = append(found, checks.Input{Path: p, Discovered: true, Err: fmt.Errorf("cannot read the directory: %w", err)})
			return nil
		}
		abs := absRoot
		if rel, err := filepath.Rel(root, p); err == nil {
			abs = filepath.Join(absRoot, rel)
		}
		if d.IsDir() {
			if p == root {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") || w.excluded(abs, true) {
				return filepath.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if !d.Type().IsRegular() || !(reviewExtensions[ext] || markdownExtensions[ext]) {
			return nil
		}
		if w.excluded(abs, false) {
			return nil
		}
		if reviewExtensions[ext] || isMarkdownReview(p) {
			found = append(found, checks.Input{Path: p, Discovered: true})
		}
		return nil
	})
	return append(w.takeProblems(), found...)
}

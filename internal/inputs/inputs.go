// Package inputs turns the command line's files, directories and globs
// into the sorted list of design reviews to check.
package inputs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/archvet/archvet/checks"
)

// reviewExtensions are the files a directory walk picks up.
var reviewExtensions = map[string]bool{".yaml": true, ".yml": true, ".hcl": true}

// errNoReview is reported for a directory named on the command line in
// which a walk finds no candidate at all: most likely a wrong path, which
// must not pass the gate unnoticed next to other files.
var errNoReview = errors.New("no design review in this directory: archvet looks for .yaml, .yml and .hcl files and for Markdown design docs that declare format_version")

// Expand resolves arguments to inputs, sorted by path and without
// duplicates. A path that does not exist is kept, so that it is reported
// as an error next to the other files' results instead of ending the run;
// so is a directory with nothing to check, and one that cannot be read.
func Expand(args []string) []checks.Input {
	seen := map[string]bool{}
	var out []checks.Input
	add := func(in checks.Input) {
		in.Path = filepath.Clean(in.Path)
		if seen[in.Path] {
			return
		}
		seen[in.Path] = true
		out = append(out, in)
	}
	// A directory, named or matched by a glob, is walked.
	addPath := func(p string) {
		if info, err := os.Stat(p); err != nil || !info.IsDir() {
			add(checks.Input{Path: p})
			return
		}
		found := walk(p)
		if len(found) == 0 {
			add(checks.Input{Path: p, Err: errNoReview})
		}
		for _, in := range found {
			add(in)
		}
	}
	for _, arg := range args {
		if _, err := os.Stat(arg); err != nil && strings.ContainsAny(arg, "*?[") {
			matches, _ := filepath.Glob(arg)
			if len(matches) == 0 {
				add(checks.Input{Path: arg})
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
// that cannot be read is an input of its own, reported as broken.
func walk(root string) []checks.Input {
	var found []checks.Input
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			found = append(found, checks.Input{Path: p, Discovered: true, Err: fmt.Errorf("cannot read the directory: %w", err)})
			return nil
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if d.Type().IsRegular() && (reviewExtensions[ext] || markdownExtensions[ext] && isMarkdownReview(p)) {
			found = append(found, checks.Input{Path: p, Discovered: true})
		}
		return nil
	})
	return found
}

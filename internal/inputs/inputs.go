// Package inputs turns the command line's files, directories and globs
// into the sorted list of design reviews to check.
package inputs

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/archvet/archvet/checks"
)

// reviewExtensions are the files a directory walk picks up.
var reviewExtensions = map[string]bool{".yaml": true, ".yml": true, ".hcl": true}

// Expand resolves arguments to inputs, sorted by path and without
// duplicates. A path that does not exist is kept, so that it is reported
// as an error next to the other files' results instead of ending the run.
func Expand(args []string) []checks.Input {
	seen := map[string]bool{}
	var out []checks.Input
	add := func(p string, discovered bool) {
		p = filepath.Clean(p)
		if seen[p] {
			return
		}
		seen[p] = true
		out = append(out, checks.Input{Path: p, Discovered: discovered})
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		switch {
		case err == nil && info.IsDir():
			for _, p := range walk(arg) {
				add(p, true)
			}
		case err != nil && strings.ContainsAny(arg, "*?["):
			matches, _ := filepath.Glob(arg)
			if len(matches) == 0 {
				add(arg, false)
			}
			for _, m := range matches {
				add(m, false)
			}
		default:
			add(arg, false)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// walk finds candidate design reviews below a directory. Hidden
// directories (.git) are skipped, and symlinks are not followed, so a
// symlink loop cannot trap the walk.
func walk(root string) []string {
	var found []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != root {
				found = append(found, p)
			}
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
			found = append(found, p)
		}
		return nil
	})
	return found
}

package inputs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/regularfile"
)

// IgnoreFile is archvet's own ignore file: gitignore syntax, read in every
// directory from the repository root down, for what a repository keeps
// but archvet should not check (test fixtures, broken examples).
const IgnoreFile = ".archvetignore"

// maxIgnoreFile bounds what is read of one ignore file.
const maxIgnoreFile = 1 << 20

// Patterns are gitignore patterns, matched by go-git's implementation of
// git's rules (anchoring, **, negation, directory-only patterns) against
// absolute paths split into their elements; a pattern's domain is the
// directory it was written for.

// walker holds what the walks of one run have read: the ignore files of
// each directory and the exclude patterns of each configuration.
type walker struct {
	opts     Options
	cli      []gitignore.Pattern
	dirs     map[string][]gitignore.Pattern // absolute directory → patterns that apply in it
	configs  map[string][]gitignore.Pattern // configuration path → its exclude patterns
	top      string                         // the boundary of the current walk
	inRepo   bool
	exempt   map[gitignore.Pattern]bool // patterns that ignore the directory being walked
	problems []string
	reported map[string]bool
	errs     map[string]error
}

func newWalker(opts Options) *walker {
	w := &walker{opts: opts, dirs: map[string][]gitignore.Pattern{}, configs: map[string][]gitignore.Pattern{},
		reported: map[string]bool{}, errs: map[string]error{}}
	if wd, err := os.Getwd(); err == nil {
		for _, p := range opts.Exclude {
			w.cli = append(w.cli, gitignore.ParsePattern(filepath.ToSlash(p), split(wd)))
		}
	}
	return w
}

// start prepares a walk of the directory root: the ignore files above it
// up to the repository root are read, and patterns that would ignore the
// directory itself are set aside, since a directory named on the command
// line is checked.
func (w *walker) start(root string) {
	w.top, w.inRepo = config.Boundary(root)
	w.exempt = map[gitignore.Pattern]bool{}
	elems := split(root)
	for _, sets := range [][]gitignore.Pattern{w.dir(root), w.config(root), w.cli} {
		for _, p := range sets {
			if p.Match(elems, true) == gitignore.Exclude {
				w.exempt[p] = true
			}
		}
	}
}

// excluded reports whether a walk leaves a file or directory out.
func (w *walker) excluded(abs string, isDir bool) bool {
	parent := filepath.Dir(abs)
	elems := split(abs)
	return w.match(w.dir(parent), elems, isDir) || w.match(w.config(parent), elems, isDir) || w.match(w.cli, elems, isDir)
}

// match applies git's precedence: the last pattern that matches decides,
// so a later "!keep.yaml" re-includes what an earlier pattern ignored.
func (w *walker) match(ps []gitignore.Pattern, elems []string, isDir bool) bool {
	for i := len(ps) - 1; i >= 0; i-- {
		if w.exempt[ps[i]] {
			continue
		}
		switch ps[i].Match(elems, isDir) {
		case gitignore.Exclude:
			return true
		case gitignore.Include:
			return false
		}
	}
	return false
}

// dir returns the ignore-file patterns that apply in an absolute
// directory: its parents' (up to the boundary) and its own, later ones
// taking precedence as in git.
func (w *walker) dir(abs string) []gitignore.Pattern {
	if ps, ok := w.dirs[abs]; ok {
		return ps
	}
	var ps []gitignore.Pattern
	if abs != w.top && filepath.Dir(abs) != abs && strings.HasPrefix(abs, w.top) {
		ps = append(ps, w.dir(filepath.Dir(abs))...)
	} else if w.inRepo && abs == w.top {
		// The repository's own excludes, as git reads them.
		ps = append(ps, w.read(filepath.Join(abs, ".git", "info", "exclude"), abs)...)
	}
	if w.inRepo {
		ps = append(ps, w.read(filepath.Join(abs, ".gitignore"), abs)...)
	}
	ps = append(ps, w.read(filepath.Join(abs, IgnoreFile), abs)...)
	w.dirs[abs] = ps
	return ps
}

// config returns the exclude patterns of the configuration that applies
// in an absolute directory.
func (w *walker) config(abs string) []gitignore.Pattern {
	if w.opts.Configs == nil {
		return nil
	}
	path := w.opts.Configs.ForDir(abs)
	if path == "" {
		return nil
	}
	if ps, ok := w.configs[path]; ok {
		return ps
	}
	var ps []gitignore.Pattern
	// A configuration that does not load has its errors reported when the
	// reviews it applies to are checked; until then it excludes nothing.
	if cfg, _ := w.opts.Configs.Load(path); cfg != nil {
		base, err := filepath.Abs(filepath.Dir(path))
		if err == nil {
			for _, p := range cfg.Exclude {
				ps = append(ps, gitignore.ParsePattern(filepath.ToSlash(p), split(base)))
			}
		}
	}
	w.configs[path] = ps
	return ps
}

// read parses an ignore file; a missing one holds no pattern. One that is
// not a small regular file (a FIFO, a device, a huge file) is reported
// once as a broken input instead of blocking or exhausting the run.
func (w *walker) read(path, dir string) []gitignore.Pattern {
	src, err := regularfile.Read(path, maxIgnoreFile)
	if err != nil {
		// .git/info/exclude is git's own file, not something a pull
		// request commits; in a worktree .git is a file and it is absent.
		if errors.Is(err, fs.ErrNotExist) || strings.Contains(path, string(filepath.Separator)+".git"+string(filepath.Separator)) {
			return nil
		}
		if !w.reported[path] {
			w.reported[path] = true
			w.problems = append(w.problems, path)
			w.errs[path] = err
		}
		return nil
	}
	var ps []gitignore.Pattern
	domain := split(dir)
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}

// takeProblems returns the ignore files that could not be read since the
// last call, as broken inputs.
func (w *walker) takeProblems() []checks.Input {
	var out []checks.Input
	for _, path := range w.problems {
		err := w.errs[path]
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		out = append(out, checks.Input{Path: relative(path), Err: fmt.Errorf("cannot read the ignore file: %w", err)})
	}
	w.problems = nil
	return out
}

// split turns an absolute path into the elements gitignore patterns match.
func split(abs string) []string {
	return strings.Split(filepath.ToSlash(abs), "/")
}

// relative names a path from the working directory when it can.
func relative(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil {
			return rel
		}
	}
	return p
}

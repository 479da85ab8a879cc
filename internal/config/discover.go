package config

import (
	"os"
	"path/filepath"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/repo"
)

// Configuration is discovered as linters discover theirs: a design review
// uses the nearest .archvet.yaml in its own directory or above it, and
// --config names one file for every review instead. The search never
// leaves the repository the review belongs to (the directory holding
// .git): a file planted above the checkout, in the system's temporary
// directory or the home directory, is never read. Outside a repository it
// stops at the working directory, or at the review's own directory when
// the review is outside the working directory.

// Boundary is the highest directory whose .archvet.yaml, .archvetignore
// and .gitignore files apply to a path (a file or a directory), as an
// absolute path: the repository root, else the working directory when
// path is inside it, else the directory itself. inRepo says whether it is
// a repository root.
func Boundary(path string) (dir string, inRepo bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path, false
	}
	if root, ok := repo.Root(abs); ok {
		return root, true
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		abs = filepath.Dir(abs)
	}
	if wd, err := os.Getwd(); err == nil && repo.Within(wd, abs) {
		return wd, false
	}
	return abs, false
}

// Find returns the configuration file that applies in dir: the nearest
// .archvet.yaml in dir or a parent, up to Boundary(dir). The path is
// relative to the working directory when it can be. An entry that is not
// a regular file (a FIFO, a device, a symlink to one) is still returned,
// so that Load refuses it with a message instead of it being skipped in
// silence.
func Find(dir string) (string, bool) {
	r := NewResolver("")
	p := r.find(dir)
	return p, p != ""
}

// Resolver finds and loads the configuration of each design review of a
// run, reading each file once.
type Resolver struct {
	explicit string
	found    map[string]string // absolute directory → its configuration path ("" none)
	loaded   map[string]loaded
}

type loaded struct {
	cfg *Config
	ds  diag.Diagnostics
}

// NewResolver makes a resolver; explicit, when not empty, is the --config
// file, which applies to every review.
func NewResolver(explicit string) *Resolver {
	return &Resolver{explicit: explicit, found: map[string]string{}, loaded: map[string]loaded{}}
}

// For returns the configuration file that applies to the design review
// at path ("" for none). A review read from standard input is judged as
// if it were in the working directory.
func (r *Resolver) For(path string) string {
	if r.explicit != "" {
		return r.explicit
	}
	return r.find(filepath.Dir(path))
}

// ForDir returns the configuration file that applies to the files of a
// directory.
func (r *Resolver) ForDir(dir string) string {
	if r.explicit != "" {
		return r.explicit
	}
	return r.find(dir)
}

// Load reads a configuration file once and returns what it held; an empty
// path is no configuration and no error.
func (r *Resolver) Load(path string) (*Config, diag.Diagnostics) {
	if path == "" {
		return nil, nil
	}
	if l, ok := r.loaded[path]; ok {
		return l.cfg, l.ds
	}
	cfg, ds := Load(path)
	r.loaded[path] = loaded{cfg, ds}
	return cfg, ds
}

func (r *Resolver) find(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	if p, ok := r.found[abs]; ok {
		return p
	}
	top, _ := Boundary(abs)
	var walked []string
	found := ""
	for d := abs; ; d = filepath.Dir(d) {
		if p, ok := r.found[d]; ok {
			found = p
			break
		}
		walked = append(walked, d)
		p := filepath.Join(d, FileName)
		if fi, err := os.Lstat(p); err == nil && !fi.IsDir() {
			found = relative(p)
			break
		}
		if d == top || filepath.Dir(d) == d || !repo.Within(top, filepath.Dir(d)) {
			break
		}
	}
	for _, d := range walked {
		r.found[d] = found
	}
	return found
}

// relative names a path as the user would type it from the working
// directory, when it is below it.
func relative(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil {
		return p
	}
	return rel
}

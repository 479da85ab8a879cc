// Package repo finds the repository a path belongs to. Baselines, config
// discovery, imports and evidence are all resolved against the repository
// root, so a run from a subdirectory means the same as a run from the top,
// and nothing a pull request writes can reach outside the checkout.
package repo

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxDepth bounds the walk up the tree; real checkouts are far shallower.
const maxDepth = 256

// Root is the nearest directory at or above start that holds a .git entry
// (a directory, or the file a worktree or submodule has), as an absolute
// path. ok is false when there is none.
func Root(start string) (root string, ok bool) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", false
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		dir = filepath.Dir(dir)
	}
	for range maxDepth {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
	return "", false
}

// Within reports whether path, once symlinks are resolved, lies inside
// root. Both are made absolute first; a path that cannot be resolved
// (it does not exist, or a link in it dangles) is judged by its cleaned
// form, so a missing file inside the tree is still inside.
func Within(root, path string) bool {
	r, err := resolve(root)
	if err != nil {
		return false
	}
	p, err := resolve(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(r, p)
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}

func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	// Resolve the longest existing prefix, so a missing file under a
	// symlinked directory is judged by where the directory really is.
	dir, rest := filepath.Dir(abs), filepath.Base(abs)
	for dir != filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = filepath.Dir(dir)
	}
	return abs, nil
}

// ErrOutside is a path that leaves the repository, or a link that leads
// out of it.
var ErrOutside = errors.New("outside the repository")

// Confine returns the real path of a file inside root, following its
// symlinks one component at a time, or ErrOutside. It only ever looks at
// the metadata of what lies outside root (to see where a link leads), and
// says nothing about it: a link that leads out and a broken link are the
// same error. A component missing inside the repository is reported as
// missing (an fs error). Imports and artefacts are read through it.
func Confine(root, path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	inside, err := filepath.Rel(root, abs)
	if err != nil || inside == ".." || strings.HasPrefix(inside, ".."+string(filepath.Separator)) {
		return "", ErrOutside
	}
	cur := root
	if inside == "." {
		return cur, nil
	}
	for _, part := range strings.Split(inside, string(filepath.Separator)) {
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		real, err := filepath.EvalSymlinks(cur)
		if err != nil || !Within(root, real) {
			return "", ErrOutside
		}
		cur = real
	}
	return cur, nil
}

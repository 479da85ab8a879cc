package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/archvet/archvet/internal/regularfile"
	"github.com/archvet/archvet/internal/repo"
)

// DefaultDir is where ADRs go when nothing in the repository names or
// already holds an ADR directory. It is relative to the repository root.
const DefaultDir = "docs/adr"

// maxConfig bounds an .adr-dir or .log4brains.yml file: each names one
// directory, so anything larger is not one.
const maxConfig = 64 << 10

// FindDir picks the ADR directory the way adr-tools does, within the
// repository that holds cwd (the nearest directory with .git):
//
//  1. walking up from cwd to the repository root, the first directory
//     that holds an .adr-dir file (which names the ADR directory, relative
//     to itself) or a doc/adr directory;
//  2. the adrFolder of a .log4brains.yml at the root;
//  3. an existing docs/adr, then docs/decisions (MADR's), at the root;
//  4. a new docs/adr at the root.
//
// The walk stops at the root: an .adr-dir planted above the checkout does
// not count. Outside a repository the walk goes up to /, as adr-tools'
// does, and the last three steps look in cwd. The result is relative to cwd when cwd is, and from says
// where the choice came from.
func FindDir(cwd string) (dir, from string, err error) {
	abs, err := filepath.Abs(cwd)
	if err != nil {
		return "", "", err
	}
	root, inRepo := repo.Root(abs)
	if !inRepo {
		root = abs
	}
	// shown spells an absolute path as the user would, relative to cwd.
	shown := func(p string) string {
		if rel, err := filepath.Rel(abs, p); err == nil {
			return filepath.Clean(filepath.Join(cwd, rel))
		}
		return p
	}
	for d := abs; ; d = filepath.Dir(d) {
		marker := filepath.Join(d, ".adr-dir")
		name, found, err := readAdrDir(marker)
		if err != nil {
			return "", "", err
		}
		if found {
			target := name
			if !filepath.IsAbs(target) {
				target = filepath.Join(d, name)
			}
			return shown(target), shown(marker), nil
		}
		if isDir(filepath.Join(d, "doc", "adr")) {
			return shown(filepath.Join(d, "doc", "adr")), "an existing doc/adr, as adr-tools picks it", nil
		}
		if (inRepo && d == root) || filepath.Dir(d) == d {
			break
		}
	}
	if name, found := log4brainsFolder(filepath.Join(root, ".log4brains.yml")); found {
		return shown(filepath.Join(root, name)), shown(filepath.Join(root, ".log4brains.yml")), nil
	}
	for _, name := range []string{"docs/adr", "docs/decisions"} {
		if p := filepath.Join(root, filepath.FromSlash(name)); isDir(p) {
			return shown(p), "an existing " + name, nil
		}
	}
	return shown(filepath.Join(root, filepath.FromSlash(DefaultDir))), "the default, at the repository root", nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// readAdrDir reads the directory an .adr-dir file names. The file must be
// a small regular file: a FIFO would block the read forever and a link
// to /dev/zero would never end, so either is refused from its metadata,
// before it is opened.
func readAdrDir(marker string) (name string, found bool, err error) {
	b, err := regularfile.Read(marker, maxConfig)
	var big *regularfile.TooBigError
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		return "", false, nil
	case errors.Is(err, regularfile.ErrNotRegular):
		return "", false, fmt.Errorf("%s is %s; it should be a file holding the path of the ADR directory", marker, strings.TrimPrefix(err.Error(), regularfile.ErrNotRegular.Error()+": it is "))
	case errors.As(err, &big):
		return "", false, fmt.Errorf("%s is %s; it should hold the path of the ADR directory", marker, big)
	case err != nil:
		return "", false, fmt.Errorf("reading %s: %w", marker, err)
	}
	name = strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
	if name == "" {
		return "", false, fmt.Errorf("%s is empty; it should hold the path of the ADR directory", marker)
	}
	return name, true, nil
}

// log4brainsFolder is the adrFolder a .log4brains.yml names, relative to
// the repository root. A file that cannot be read as one is ignored: it
// belongs to log4brains, which reports its own errors.
func log4brainsFolder(path string) (string, bool) {
	b, err := regularfile.Read(path, maxConfig)
	if err != nil {
		return "", false
	}
	var cfg struct {
		Project struct {
			AdrFolder string `yaml:"adrFolder"`
		} `yaml:"project"`
	}
	if yaml.Unmarshal(b, &cfg) != nil || strings.TrimSpace(cfg.Project.AdrFolder) == "" {
		return "", false
	}
	name := filepath.FromSlash(strings.TrimSpace(cfg.Project.AdrFolder))
	if filepath.IsAbs(name) {
		return "", false
	}
	return filepath.Clean(name), true
}

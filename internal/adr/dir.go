package adr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultDir is where ADRs go when neither --dir nor an .adr-dir file says.
const DefaultDir = "docs/adr"

// FindDir picks the ADR directory the way adr-tools does: an .adr-dir file
// in cwd or the nearest parent names it, relative to that file; without
// one it is DefaultDir under cwd. The result is relative to cwd when cwd
// is, and from says where the choice came from.
func FindDir(cwd string) (dir, from string, err error) {
	abs, err := filepath.Abs(cwd)
	if err != nil {
		return "", "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		marker := filepath.Join(d, ".adr-dir")
		b, err := os.ReadFile(marker)
		switch {
		case err == nil:
			name := strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
			if name == "" {
				return "", "", fmt.Errorf("%s is empty; it should hold the path of the ADR directory", marker)
			}
			target := name
			if !filepath.IsAbs(target) {
				target = filepath.Join(d, name)
			}
			if rel, err := filepath.Rel(abs, target); err == nil {
				target = filepath.Join(cwd, rel)
			}
			shown := marker
			if rel, err := filepath.Rel(abs, marker); err == nil {
				shown = filepath.Join(cwd, rel)
			}
			return filepath.Clean(target), shown, nil
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		default:
			return "", "", fmt.Errorf("reading %s: %w", marker, err)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return filepath.Join(cwd, DefaultDir), "", nil
}

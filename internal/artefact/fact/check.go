package fact

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/archvet/archvet/internal/diag"
)

// CheckPlaced reports the first thing in a reader's result that a user
// could not find in the file it came from: a diagnostic without a file,
// an error without a line, or a position ("at" anywhere in the result)
// outside file or before line 1, column 1. The readers' fuzz targets hold
// every input to it.
func CheckPlaced(file string, v any, ds diag.Diagnostics) error {
	for _, d := range ds {
		if d.Subject == nil || d.Subject.Filename != file {
			return fmt.Errorf("diagnostic not in %s: %v", file, d)
		}
		if d.Severity == diag.Error && !d.Subject.Start.Known() {
			return fmt.Errorf("error without a position: %v", d)
		}
	}
	return checkAt(file, v, 0)
}

func checkAt(file string, v any, depth int) error {
	if depth > 1000 {
		return fmt.Errorf("result nests deeper than 1000 levels")
	}
	switch x := v.(type) {
	case map[string]any:
		if at, ok := x["at"].(map[string]any); ok {
			line, _ := at["line"].(int)
			col, _ := at["column"].(int)
			if at["file"] != file || line < 1 || col < 1 {
				return fmt.Errorf("position %v is not in %s", at, file)
			}
		}
		for _, e := range x {
			if err := checkAt(file, e, depth+1); err != nil {
				return err
			}
		}
	case []any:
		for _, e := range x {
			if err := checkAt(file, e, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// Fixtures are the contents of the regular files matching a glob pattern,
// in sorted order: the seeds of a reader's fuzz target. It is an error
// for none to match, so a target never fuzzes from nothing.
func Fixtures(pattern string) ([][]byte, error) {
	names, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, name := range names {
		if info, err := os.Stat(name); err != nil || !info.Mode().IsRegular() {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, src)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no fixtures match %s", pattern)
	}
	return out, nil
}

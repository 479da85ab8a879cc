// Package atomicfile writes files so that readers see either the old
// content or the whole new content, never a partial file: the bytes go to
// a temporary file in the same directory, which is then renamed.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write replaces path with data atomically. A regular file it replaces
// keeps its permissions (a report someone made private stays private);
// a new file gets perm less the process's umask, as os.WriteFile would.
func Write(path string, data []byte, perm os.FileMode) error {
	if info, err := os.Lstat(path); err == nil && info.Mode().IsRegular() {
		perm = info.Mode().Perm()
	} else {
		perm = masked(perm)
	}
	name, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	defer os.Remove(name) // no-op once renamed
	return os.Rename(name, path)
}

// writeTemp writes data to a new temporary file beside path (the same
// directory, so a rename or link into place stays on one file system) and
// returns its name. On error nothing is left behind.
func writeTemp(path string, data []byte, perm os.FileMode) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	name := tmp.Name()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

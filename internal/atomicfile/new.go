package atomicfile

import (
	"errors"
	"io/fs"
	"os"
)

// WriteNew creates path with data, atomically, and never replaces a file:
// when path already exists, even one created a moment ago by someone
// else, it returns an error that satisfies errors.Is(err, fs.ErrExist)
// and leaves that file alone. Readers never see a partial file: the data
// is written to a temporary file that is then hard-linked into place,
// which fails rather than overwrites.
func WriteNew(path string, data []byte, perm os.FileMode) error {
	if _, err := os.Lstat(path); err == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	name, err := writeTemp(path, data, masked(perm))
	if err != nil {
		return err
	}
	defer os.Remove(name)
	err = os.Link(name, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// A file system without hard links: fall back to an exclusive create,
	// which still never overwrites but may briefly show a short file.
	f, ferr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if ferr != nil {
		return ferr
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

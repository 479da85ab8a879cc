// Package regularfile reads small files that a pull request may have
// replaced with something else: a FIFO that would block a read forever,
// a device such as /dev/zero that never ends, or a symlink to either. The
// file's type is judged from its metadata before it is opened, it is
// opened without blocking, its type is checked again on the open file (it
// may have been swapped in between), and the read is bounded.
package regularfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular is wrapped by the error for a file that is not a regular
// file; the message says what it is instead.
var ErrNotRegular = errors.New("not a regular file")

// TooBigError is a file over the size limit.
type TooBigError struct{ Size, Limit int64 }

func (e *TooBigError) Error() string {
	return fmt.Sprintf("%d bytes, over the %d-byte limit", e.Size, e.Limit)
}

// Check refuses a file by its metadata alone, following symlinks: a
// directory, a FIFO, a device or a socket is an ErrNotRegular, and a file
// over limit bytes a *TooBigError.
func Check(path string, limit int64) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(info, limit); err != nil {
		return nil, err
	}
	return info, nil
}

func regular(info fs.FileInfo, limit int64) error {
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%w: it is %s", ErrNotRegular, Kind(info.Mode()))
	}
	if limit >= 0 && info.Size() > limit {
		return &TooBigError{Size: info.Size(), Limit: limit}
	}
	return nil
}

// Kind names a file type for a message.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "mode " + m.Type().String()
}

// Read returns the contents of a regular file of at most limit bytes.
func Read(path string, limit int64) ([]byte, error) {
	return read(path, limit, false)
}

// Tail returns the last n bytes of a regular file of any size.
func Tail(path string, n int64) ([]byte, error) {
	return read(path, n, true)
}

func read(path string, limit int64, tail bool) ([]byte, error) {
	sizeLimit := limit
	if tail {
		sizeLimit = -1
	}
	if _, err := Check(path, sizeLimit); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(info, sizeLimit); err != nil {
		return nil, err
	}
	if tail && info.Size() > limit {
		if _, err := f.Seek(info.Size()-limit, io.SeekStart); err != nil {
			return nil, err
		}
	}
	// One byte more than allowed tells a file that grew since it was
	// measured from one that is exactly at the limit.
	buf, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(buf)) > limit {
		if tail {
			return buf[len(buf)-int(limit):], nil
		}
		return nil, &TooBigError{Size: int64(len(buf)), Limit: limit}
	}
	return buf, nil
}

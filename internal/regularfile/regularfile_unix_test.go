//go:build unix

package regularfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	for name, target := range map[string]string{"to-fifo": fifo, "to-zero": "/dev/zero", "to-dir": dir} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	for name, kind := range map[string]string{"fifo": "a named pipe", "to-fifo": "a named pipe", "to-zero": "a device", "to-dir": "a directory"} {
		for _, read := range []func(string, int64) ([]byte, error){Read, Tail} {
			_, err := read(filepath.Join(dir, name), 10)
			if !errors.Is(err, ErrNotRegular) || !strings.HasSuffix(err.Error(), "it is "+kind) {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

func TestBoundedReads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := Read(path, 10); err != nil || string(b) != "0123456789" {
		t.Errorf("Read at the limit: %q %v", b, err)
	}
	var big *TooBigError
	if _, err := Read(path, 9); !errors.As(err, &big) || big.Size != 10 || big.Limit != 9 {
		t.Errorf("Read over the limit: %v", err)
	}
	if b, err := Tail(path, 4); err != nil || string(b) != "6789" {
		t.Errorf("Tail: %q %v", b, err)
	}
}

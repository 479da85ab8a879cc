package report

import (
	"bufio"
	"bytes"
	"io"
	"os"
)

// A format whose document needs the whole run before some of its parts
// (SARIF's rule list and totals, JUnit's totals on the first element,
// HTML's summary table) still streams: each file's part is rendered when
// the file comes and kept as bytes in a spool, and Close writes the head
// and copies the spools after it. A spool keeps its first spoolInMemory
// bytes in memory and the rest in a temporary file, so a run over
// thousands of design reviews costs disk, not memory.

// spoolInMemory is how much a spool holds before it moves to disk.
const spoolInMemory = 256 << 10

type spool struct {
	mem  bytes.Buffer
	file *os.File
	buf  *bufio.Writer
	err  error
	n    int64
}

func newSpool() *spool { return &spool{} }

func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	s.n += int64(len(p))
	if s.file == nil && s.mem.Len()+len(p) <= spoolInMemory {
		return s.mem.Write(p)
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "archvet-part-*")
		if err != nil {
			s.err = err
			return 0, err
		}
		// Unlinked at once where the system allows it, so nothing is
		// left behind whatever ends the run.
		os.Remove(f.Name())
		s.file, s.buf = f, bufio.NewWriterSize(f, 64<<10)
		if _, s.err = s.buf.Write(s.mem.Bytes()); s.err != nil {
			return 0, s.err
		}
		s.mem = bytes.Buffer{}
	}
	n, err := s.buf.Write(p)
	s.err = err
	return n, err
}

// WriteString writes s.
func (s *spool) WriteString(str string) (int, error) { return s.Write([]byte(str)) }

// Len is the number of bytes written.
func (s *spool) Len() int64 { return s.n }

// CopyTo writes everything spooled to w.
func (s *spool) CopyTo(w io.Writer) error {
	if s.err != nil {
		return s.err
	}
	if s.file == nil {
		_, err := w.Write(s.mem.Bytes())
		return err
	}
	if err := s.buf.Flush(); err != nil {
		return err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, s.file)
	return err
}

// Close drops the spool and its temporary file.
func (s *spool) Close() error {
	s.mem = bytes.Buffer{}
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	err := s.file.Close()
	os.Remove(name)
	s.file = nil
	return err
}

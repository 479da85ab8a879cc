package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/atomicfile"
	"github.com/archvet/archvet/internal/report"
)

// A check over thousands of design reviews must not hold every file's
// results until the end. When every requested format can be written file
// by file (report.Streams), the check streams: each file's report goes to
// the outputs as soon as it and the files before it are checked, and is
// then dropped. Formats that need the whole run (sarif, junit, markdown,
// html) and baselines, which compare the whole run, keep the collecting
// path in runCheck. Both write the same bytes.

// streamable reports whether a check can stream its reports.
func streamable(o checkOptions, outs []output) bool {
	if o.baseline != "" || o.saveBaseline != "" {
		return false
	}
	for _, out := range outs {
		if !report.Streams(out.format) {
			return false
		}
	}
	return true
}

// streamCheck checks the segments' files and streams their reports to
// the outputs. Every output is spooled until the run has finished, so an
// interrupted or failed run writes no report, as the collecting path does
// not.
func streamCheck(ctx context.Context, stdout io.Writer, segs []segment, progress func(done, total int), outs []output, opts report.Options, args []string, sys *checks.SystemCollector) error {
	spools := make([]*spool, len(outs))
	streams := make([]report.Stream, len(outs))
	defer discardAll(spools)
	for i, out := range outs {
		o := opts
		if out.path != "" {
			o.Color = false
		}
		spools[i] = &spool{path: out.path}
		s, _, err := report.NewStream(out.format, o, spools[i])
		if err != nil {
			return usageError("--format: %v", err)
		}
		streams[i] = s
	}
	total := 0
	for _, s := range segs {
		total += len(s.files)
	}
	code, checked := exitOK, 0
	for _, seg := range segs {
		if ctx.Err() != nil {
			break
		}
		seg.checker.Progress = offsetProgress(progress, checked, total)
		err := seg.checker.Stream(ctx, seg.files, func(f checks.FileReport) error {
			checked++
			sys.Add(f)
			switch {
			case f.Broken:
				code = exitBadInput
			case len(f.GateFailures) > 0 && code == exitOK:
				code = exitGateFail
			}
			for i, s := range streams {
				if err := s.File(f); err != nil {
					return fmt.Errorf("writing %s report: %w", outs[i].format, err)
				}
			}
			return nil
		})
		if err != nil && ctx.Err() == nil {
			return &exitError{code: exitBadInput, err: err}
		}
	}
	// An interrupted run writes no report: a partial one would look like
	// a complete run that found less.
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if checked == 0 {
		return usageError("no design reviews found in %s", strings.Join(args, ", "))
	}
	if sys != nil {
		section := sys.Report()
		for i, s := range streams {
			if ss, ok := s.(checks.SystemStream); ok {
				if err := ss.System(section); err != nil {
					return &exitError{code: exitBadInput, err: fmt.Errorf("writing %s report: %w", outs[i].format, err)}
				}
			}
		}
	}
	for i, out := range outs {
		if err := streams[i].Close(); err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("writing %s report: %w", out.format, err)}
		}
	}
	if err := commitAll(ctx, stdout, outs, spools); err != nil {
		return err
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

// commitAll delivers rendered reports. The interrupt is checked once,
// after every report is rendered and before any is delivered: from then
// on every file is renamed into place, then standard output is written,
// so a run delivers all of its reports or none.
func commitAll(ctx context.Context, stdout io.Writer, outs []output, spools []*spool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, toStdout := range []bool{false, true} {
		for i, out := range outs {
			if (out.path == "") != toStdout {
				continue
			}
			if err := spools[i].commit(stdout); err != nil {
				return &exitError{code: exitBadInput, err: fmt.Errorf("writing %s report: %w", out.format, err)}
			}
		}
	}
	return nil
}

// discardAll drops what spools still hold, temporary files included.
func discardAll(spools []*spool) {
	for _, s := range spools {
		if s != nil {
			s.discard()
		}
	}
}

// spoolMemory is how much of a report a spool keeps in memory before it
// moves to a temporary file: the text report of about fifty files, the
// JSON of about six.
const spoolMemory = 1 << 20

// spool holds a report until the run has finished: in memory while it is
// small, then in a temporary file (beside the destination file, or in the
// system's temporary directory for standard output), so that a large
// report costs disk, not memory. commit delivers it; discard drops it and
// leaves nothing behind.
type spool struct {
	path string // destination file; "" is standard output
	mem  bytes.Buffer
	tmp  *os.File
	buf  *bufio.Writer
	err  error
}

func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.tmp == nil && s.mem.Len()+len(p) <= spoolMemory {
		return s.mem.Write(p)
	}
	if s.tmp == nil {
		if s.err = s.spill(); s.err != nil {
			return 0, s.err
		}
	}
	n, err := s.buf.Write(p)
	s.err = err
	return n, err
}

// spill moves the report from memory to a temporary file.
func (s *spool) spill() error {
	dir, pattern := "", "archvet-report-*"
	if s.path != "" {
		// Beside the destination, so that commit is a rename; CI jobs name
		// report paths such as reports/archvet.json up front.
		dir, pattern = filepath.Dir(s.path), "."+filepath.Base(s.path)+".tmp-*"
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return err
	}
	s.tmp, s.buf = f, bufio.NewWriterSize(f, 256<<10)
	_, err = s.buf.Write(s.mem.Bytes())
	s.mem = bytes.Buffer{}
	return err
}

// commit delivers the report: to standard output, or atomically to the
// destination file.
func (s *spool) commit(stdout io.Writer) error {
	if s.err != nil {
		return s.err
	}
	if s.tmp == nil {
		if s.path == "" {
			_, err := stdout.Write(s.mem.Bytes())
			return err
		}
		if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
			return err
		}
		return atomicfile.Write(s.path, s.mem.Bytes(), 0o644)
	}
	if err := s.buf.Flush(); err != nil {
		return err
	}
	if s.path == "" {
		if _, err := s.tmp.Seek(0, io.SeekStart); err != nil {
			return err
		}
		_, err := io.Copy(stdout, s.tmp)
		return err
	}
	if err := s.tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := s.tmp.Close(); err != nil {
		return err
	}
	name := s.tmp.Name()
	s.tmp = nil
	if err := os.Rename(name, s.path); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// discard drops whatever the spool still holds, temporary file included.
func (s *spool) discard() {
	if s.tmp != nil {
		s.tmp.Close()
		os.Remove(s.tmp.Name())
		s.tmp = nil
	}
	s.mem = bytes.Buffer{}
}

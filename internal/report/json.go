package report

import (
	"io"

	"github.com/archvet/archvet/checks"
)

// jsonFormatter writes the stable JSON shape described in model.go.
type jsonFormatter struct{ opts Options }

func (j jsonFormatter) Format(w io.Writer, rep checks.Report) error {
	return formatAll(j.Stream(w), rep)
}

// Stream writes the JSON report a file at a time: the document is
// {"files": [...], "summary": {...}}, so each file's object can be written
// as soon as it is checked and only the summary's totals are kept.
func (j jsonFormatter) Stream(w io.Writer) Stream {
	return &jsonStream{out: jsonWriter{w: w}, opts: j.opts, sum: newSummary()}
}

type jsonStream struct {
	out   jsonWriter
	opts  Options
	sum   JSONSummary
	files int
}

func (s *jsonStream) File(f checks.FileReport) error {
	jf := buildFile(f)
	decorate(&jf, s.opts)
	s.sum.add(f)
	if s.files == 0 {
		s.out.raw("{\n  \"files\": [\n    ")
	} else {
		s.out.raw(",\n    ")
	}
	s.files++
	s.out.value(jf, "    ")
	return s.out.err
}

func (s *jsonStream) Close() error {
	if s.files == 0 {
		s.out.raw("{\n  \"files\": [],\n  \"summary\": ")
	} else {
		s.out.raw("\n  ],\n  \"summary\": ")
	}
	s.out.value(summaryWith(s.sum, s.opts), "  ")
	s.out.raw("\n}\n")
	return s.out.err
}

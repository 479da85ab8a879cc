package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/archvet/archvet/checks"
)

// TestJSONStreamIsTheEncodedModel writes the JSON report file by file and
// requires the bytes json.Encoder writes for the whole model at once,
// for runs of no file, one file and several.
func TestJSONStreamIsTheEncodedModel(t *testing.T) {
	rep, opts := goldenReport(t)
	for n := 0; n <= len(rep.Files); n++ {
		part := checks.Report{Files: rep.Files[:n]}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(BuildWith(part, opts)); err != nil {
			t.Fatal(err)
		}
		if got := render(t, "json", part, opts); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%d files: the streamed JSON differs from the encoded model:\n%s", n, firstDiff(want.String(), string(got)))
		}
	}
}

func TestEmptyCodeClimateIsAnEmptyList(t *testing.T) {
	if got := string(render(t, "codeclimate", checks.Report{}, Options{})); got != "[]\n" {
		t.Errorf("an empty run gives %q, want an empty JSON list", got)
	}
}

// TestStreamsWriteNothingBeforeTheFirstFile: a run that finds no design
// review ends in a usage error, and must not have printed half a report.
func TestStreamsWriteNothingBeforeTheFirstFile(t *testing.T) {
	for _, name := range Names() {
		var buf bytes.Buffer
		s, ok, err := NewStream(name, Options{}, &buf)
		if err != nil {
			t.Fatal(err)
		}
		if ok != Streams(name) {
			t.Errorf("%s: NewStream and Streams disagree", name)
		}
		if ok && buf.Len() > 0 {
			t.Errorf("%s wrote %q before any file", name, buf.String())
		}
		_ = s
	}
	for _, name := range []string{"text", "json", "github", "codeclimate"} {
		if !Streams(name) {
			t.Errorf("%s no longer streams: a run over many files would hold them all", name)
		}
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/archvet/archvet/checks"
)

// TestJSONStreamIsTheEncodedModel writes the JSON report file by file and
// requires the bytes json.Encoder writes for the whole model at once,
// for runs of no file, one file and several.
func TestJSONStreamIsTheEncodedModel(t *testing.T) {
	rep, opts := goldenReport(t)
	// Twice over, so that results cached from the first files are reused.
	files := append(append([]checks.FileReport{}, rep.Files...), rep.Files...)
	for n := 0; n <= len(files); n++ {
		part := checks.Report{Files: files[:n]}
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

// TestIndentJSON compares indentJSON with json.Indent on awkward values
// and on a whole report.
func TestIndentJSON(t *testing.T) {
	rep, opts := goldenReport(t)
	values := []any{
		map[string]any{},
		[]any{},
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{map[string]any{}, []any{1, 2}}},
		[]any{`quote " brace { bracket [ colon : comma ,`, `back\slash\`, "new\nline\ttab", "\u2028 <&> é", 1.5e300, math.Copysign(0, -1), nil, true},
		map[string]any{`key "with" {}`: `value \" ]`, "k:": ","},
		BuildWith(rep, opts),
	}
	for _, v := range values {
		var compact bytes.Buffer
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		src := bytes.TrimSuffix(compact.Bytes(), []byte("\n"))
		for _, prefix := range []string{"", "    "} {
			var want bytes.Buffer
			if err := json.Indent(&want, src, prefix, "  "); err != nil {
				t.Fatal(err)
			}
			if got := indentJSON(nil, src, prefix, "  "); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("prefix %q: indentJSON differs from json.Indent:\n%s", prefix, firstDiff(want.String(), string(got)))
			}
		}
	}
}

// TestSameResultFields guards the JSON stream's cache of results that
// read the same on every file: a field added to JSONResult must be
// considered in sameResultOf (a finding's field) or in sameResult (a
// rule's), or results that differ would be written alike.
func TestSameResultFields(t *testing.T) {
	var got []string
	rt := reflect.TypeOf(JSONResult{})
	for i := range rt.NumField() {
		got = append(got, rt.Field(i).Name)
	}
	want := []string{"Rule", "Title", "Severity", "Status", "Frameworks", "Message", "Remediation", "Location", "Waiver", "Fingerprint", "Baseline", "Related"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSONResult's fields are %v, were %v: update sameResult and sameResultOf in json.go, then this list", got, want)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"sort"
	"testing"
)

// The streamed {"files": ...} document is byte for byte what encoding the
// whole map at once gives: indentation, key order, escaping.
func TestFilesWriterWritesWhatTheEncoderWould(t *testing.T) {
	for _, files := range []map[string]any{
		{},
		{"design.yaml": map[string]any{"a": 1}},
		{
			"b/design.yaml":    map[string]any{"service": map[string]any{"name": "<b>&", "tags": []any{"x", 2.5}}, "empty": map[string]any{}, "none": []any{}},
			"a/design.hcl":     map[string]any{"z": nil, "y": true},
			"a b/é \"q\".yaml": "string",
		},
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]any{"files": files}); err != nil {
			t.Fatal(err)
		}
		paths := make([]string, 0, len(files))
		for p := range files {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		var got bytes.Buffer
		w := newFilesWriter(&got)
		for _, p := range paths {
			if err := w.file(p, files[p]); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.close(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("streamed:\n%s\nwhole:\n%s", got.String(), want.String())
		}
	}
}

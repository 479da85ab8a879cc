package document

import (
	"bytes"
	"reflect"
	"testing"
)

func TestYAMLAndHCLTwinsDecodeAlike(t *testing.T) {
	y := mustLoad(t, "twin.yaml", readTestdata(t, "twin.yaml"))
	h := mustLoad(t, "twin.hcl", readTestdata(t, "twin.hcl"))
	if y.Format != YAML || h.Format != HCL {
		t.Fatalf("formats: %s, %s", y.Format, h.Format)
	}
	if !reflect.DeepEqual(y.Value, h.Value) {
		t.Errorf("values differ\nyaml: %#v\nhcl:  %#v", y.Value, h.Value)
	}
	yp, hp := y.Index.Paths(), h.Index.Paths()
	if !reflect.DeepEqual(yp, hp) {
		t.Errorf("paths differ\nyaml: %q\nhcl:  %q", yp, hp)
	}
}

func TestTwinValues(t *testing.T) {
	doc := mustLoad(t, "twin.hcl", readTestdata(t, "twin.hcl"))
	v := doc.Value
	deps := v["dependencies"].([]any)
	pay := deps[0].(map[string]any)
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"format_version is int64", v["format_version"], int64(1)},
		{"heredoc keeps its lines", v["service"].(map[string]any)["description"], "Takes orders.\nCharges cards.\n"},
		{"indented heredoc is trimmed", v["service"].(map[string]any)["notes"], "indented\n"},
		{"fraction is float64", v["slo"].(map[string]any)["availability"], 99.95},
		{"label becomes the name", pay["name"], "payments"},
		{"nested label becomes the path", pay["endpoints"].([]any)[1].(map[string]any)["path"], "/refund"},
		{"object attribute", pay["retries"].(map[string]any)["backoff"], map[string]any{"initial_ms": int64(100), "multiplier": 2.5}},
		{"null is nil", deps[1].(map[string]any)["fallback"], nil},
		{"unlabelled list block has no name", v["alerts"].([]any)[1], map[string]any{"severity": "ticket"}},
		{"quoted key", v["labels"].(map[string]any)["team name"], "payments-core"},
		{"nested tuples", v["matrix"], []any{[]any{int64(1), int64(2)}, []any{int64(3), 4.5}, []any{}}},
		{"integers beyond float precision stay exact", v["big"], int64(9007199254740993)},
		{"negative number", v["negative"], int64(-12)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %#v (%T), want %#v (%T)", tt.got, tt.got, tt.want, tt.want)
			}
		})
	}
}

// TestLineEndsAndUnicodeForms checks that a file saved on Windows, or with
// decomposed accents, decodes as its plain twin does: policies compare
// strings, and should not see the editor that wrote them.
func TestLineEndsAndUnicodeForms(t *testing.T) {
	want := mustLoad(t, "twin.yaml", readTestdata(t, "twin.yaml")).Value
	for _, name := range []string{"twin.yaml", "twin.hcl"} {
		src := bytes.ReplaceAll(readTestdata(t, name), []byte("\n"), []byte("\r\n"))
		doc := mustLoad(t, name, src)
		if !reflect.DeepEqual(doc.Value, want) {
			t.Errorf("%s with CRLF line ends decodes differently:\n%#v", name, doc.Value["service"])
		}
		checkRangesMatchBytes(t, doc, string(src))
	}

	decomposed := "e\u0301" // e + combining acute accent; NFC is "\u00e9"
	y := mustLoad(t, "n.yaml", []byte("service:\n  name: caf"+decomposed+"\n  \"caf"+decomposed+"\": 1\n"))
	h := mustLoad(t, "n.hcl", []byte("service {\n  name = \"caf"+decomposed+"\"\n  caf"+decomposed+" = 1\n}\n"))
	wantN := map[string]any{"service": map[string]any{"name": "caf\u00e9", "caf\u00e9": int64(1)}}
	if !reflect.DeepEqual(y.Value, wantN) || !reflect.DeepEqual(h.Value, wantN) {
		t.Errorf("not NFC:\nyaml %q\nhcl  %q", y.Value, h.Value)
	}
}

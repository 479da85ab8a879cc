package document

import (
	"reflect"
	"testing"
)

func TestYAMLScalars(t *testing.T) {
	src := `int: 42
hex: 0x1F
underscore: 1_000
negative: -7
huge: 18446744073709551615
float: 99.95
exp: 1e3
bool: true
null_word: null
tilde: ~
empty:
quoted_int: "42"
date: 2024-05-01
binary: !!binary aGk=
custom: !thing value
str_tag: !!str 12
float_tag: !!float 1
1: numeric key
true: bool key
`
	doc := mustLoad(t, "s.yaml", []byte(src))
	want := map[string]any{
		"int":        int64(42),
		"hex":        int64(31),
		"underscore": int64(1000),
		"negative":   int64(-7),
		"huge":       float64(18446744073709551615),
		"float":      99.95,
		"exp":        1000.0,
		"bool":       true,
		"null_word":  nil,
		"tilde":      nil,
		"empty":      nil,
		"quoted_int": "42",
		"date":       "2024-05-01",
		"binary":     "aGk=",
		"custom":     "value",
		"str_tag":    "12",
		"float_tag":  1.0,
		"1":          "numeric key",
		"true":       "bool key",
	}
	if !reflect.DeepEqual(doc.Value, want) {
		for k, w := range want {
			if g := doc.Value[k]; !reflect.DeepEqual(g, w) {
				t.Errorf("%s = %#v (%T), want %#v (%T)", k, g, g, w, w)
			}
		}
		t.Errorf("value = %#v", doc.Value)
	}
}

func TestYAMLTrailingDocumentMarkers(t *testing.T) {
	for _, src := range []string{
		"---\nservice: {name: a}\n",
		"service: {name: a}\n---\n",
		"service: {name: a}\n...\n",
		"---\nservice: {name: a}\n---\n# the end\n---\n",
	} {
		doc := mustLoad(t, "m.yaml", []byte(src))
		if want := map[string]any{"service": map[string]any{"name": "a"}}; !reflect.DeepEqual(doc.Value, want) {
			t.Errorf("%q: value %#v", src, doc.Value)
		}
	}
}

func TestYAMLAnchorsAndMerges(t *testing.T) {
	src := `defaults: &defaults
  timeout_ms: 500
  retries: {max_attempts: 2}
extra: &extra
  circuit_breaker: true
  timeout_ms: 9
dependencies:
  - <<: *defaults
    name: payments
    timeout_ms: 800
  - <<: [*defaults, *extra]
    name: fraud
  - name: ledger
    retries: *defaults
`
	doc := mustLoad(t, "a.yaml", []byte(src))
	deps := doc.Value["dependencies"].([]any)
	want := []any{
		map[string]any{"name": "payments", "timeout_ms": int64(800), "retries": map[string]any{"max_attempts": int64(2)}},
		map[string]any{"name": "fraud", "timeout_ms": int64(500), "retries": map[string]any{"max_attempts": int64(2)}, "circuit_breaker": true},
		map[string]any{"name": "ledger", "retries": map[string]any{"timeout_ms": int64(500), "retries": map[string]any{"max_attempts": int64(2)}}},
	}
	if !reflect.DeepEqual(deps, want) {
		t.Errorf("dependencies = %#v\nwant %#v", deps, want)
	}
	// A merged key points where its value is written; an explicit key
	// where it is overridden; an aliased subtree at the anchor's text.
	for path, wantAt := range map[string]string{
		"dependencies[0].timeout_ms":                   "10:5",
		"dependencies[1].timeout_ms":                   "2:3",
		"dependencies[1].circuit_breaker":              "5:3",
		"dependencies[2].retries":                      "14:5",
		"dependencies[2].retries.retries.max_attempts": "3:13",
		"dependencies[0].retries.missing":              "3:3 (parent)",
	} {
		if got := at(doc, path); got != wantAt {
			t.Errorf("%s at %s, want %s", path, got, wantAt)
		}
	}
	checkRangesMatchBytes(t, doc, src)
}

func TestHCLListBlocks(t *testing.T) {
	src := `alert {
  severity = "page"
}
alert {
  name     = "slow"
  severity = "ticket"
}
dependency "payments" {
  fallbacks "cache" {
    ttl_s = 30
  }
}
`
	doc := mustLoad(t, "l.hcl", []byte(src))
	want := map[string]any{
		"alerts": []any{
			map[string]any{"severity": "page"},
			map[string]any{"name": "slow", "severity": "ticket"},
		},
		"dependencies": []any{map[string]any{
			"name":      "payments",
			"fallbacks": []any{map[string]any{"name": "cache", "ttl_s": int64(30)}},
		}},
	}
	if !reflect.DeepEqual(doc.Value, want) {
		t.Errorf("value = %#v\nwant %#v", doc.Value, want)
	}
	for path, wantAt := range map[string]string{
		"alerts":                            "1:1",
		"alerts[1]":                         "4:1",
		"alerts[1].name":                    "5:3",
		"dependencies[0].fallbacks[0]":      "9:3",
		"dependencies[0].fallbacks[0].name": "9:13",
	} {
		if got := at(doc, path); got != wantAt {
			t.Errorf("%s at %s, want %s", path, got, wantAt)
		}
	}
}

func TestHCLWithoutShape(t *testing.T) {
	doc, ds := LoadHCL("n.hcl", []byte("alert {\n  severity = \"page\"\n}\n"), nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	want := map[string]any{"alert": map[string]any{"severity": "page"}}
	if !reflect.DeepEqual(doc.Value, want) {
		t.Errorf("value = %#v", doc.Value)
	}
	_, ds = LoadHCL("n.hcl", []byte("alert {\n}\nalert {\n}\n"), nil)
	if got, want := render(ds), `n.hcl:3:1: error: duplicate "alert" block: it is already defined on line 1`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestHCLExpressions(t *testing.T) {
	src := `sum      = 1 + 2
ratio    = 3 / 4
cond     = true ? "yes" : "no"
text     = "a${"b"}c"
paren    = ({ a = 1 })
index    = [10, 20][1]
nested   = { list = [{ k = "v" }], "quoted key" = null, 7 = "seven" }
obj_from = true ? { a = 1 } : { a = 2 }
`
	doc := mustLoad(t, "e.hcl", []byte(src))
	want := map[string]any{
		"sum":      int64(3),
		"ratio":    0.75,
		"cond":     "yes",
		"text":     "abc",
		"paren":    map[string]any{"a": int64(1)},
		"index":    int64(20),
		"nested":   map[string]any{"list": []any{map[string]any{"k": "v"}}, "quoted key": nil, "7": "seven"},
		"obj_from": map[string]any{"a": int64(1)},
	}
	if !reflect.DeepEqual(doc.Value, want) {
		t.Errorf("value = %#v\nwant %#v", doc.Value, want)
	}
	for path, wantAt := range map[string]string{
		"nested.list[0].k":     "7:24",
		`nested["quoted key"]`: "7:36",
		"obj_from.a":           "8:12",
	} {
		if got := at(doc, path); got != wantAt {
			t.Errorf("%s at %s, want %s", path, got, wantAt)
		}
	}
}

func TestMarkdownChoosesTheReview(t *testing.T) {
	tests := []struct {
		name, src string
		want      map[string]any
		nameAt    string
	}{
		{"an explicit fenced block wins over a docs site's front matter",
			"---\ntitle: Orders design\n---\n```yaml archvet\nservice: {name: fenced}\n```\n",
			map[string]any{"service": map[string]any{"name": "fenced"}}, "5:11"},
		{"front matter closed by ...",
			"---\nservice:\n  name: dots\n...\nbody\n",
			map[string]any{"service": map[string]any{"name": "dots"}}, "3:3"},
		{"CRLF line ends",
			"---\r\nservice:\r\n  name: crlf\r\n---\r\n",
			map[string]any{"service": map[string]any{"name": "crlf"}}, "3:3"},
		{"a --- not on the first line is no front matter",
			"# T\n---\nservice: {name: no}\n---\n\n~~~ yaml archvet extra words\nservice: {name: tilde}\n~~~\n",
			map[string]any{"service": map[string]any{"name": "tilde"}}, "7:11"},
		{"unclosed fence runs to the end",
			"Intro\n\n```yaml archvet\nservice:\n  name: open\n",
			map[string]any{"service": map[string]any{"name": "open"}}, "5:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustLoad(t, "r.md", []byte(tt.src))
			if doc.Format != Markdown {
				t.Errorf("format %s", doc.Format)
			}
			if !reflect.DeepEqual(doc.Value, tt.want) {
				t.Errorf("value = %#v, want %#v", doc.Value, tt.want)
			}
			if got := at(doc, "service.name"); got != tt.nameAt {
				t.Errorf("service.name at %s, want %s", got, tt.nameAt)
			}
			checkRangesMatchBytes(t, doc, tt.src)
		})
	}
}

package wasmeval

import (
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// values are what a policy's answer and a builtin's arguments hold.
var values = []string{
	`null`, `true`, `false`, `0`, `-12`, `3.25`, `1e-7`, `12345678901234567890123`,
	`""`, `"plain"`, `"quote \" backslash \\ tab \t nul \u0000 line\u2028 é 😀"`,
	`[]`, `[1, "a", [true, null]]`,
	`{}`, `{"a": 1, "b": {"c": [1, 2]}}`, `{1: "one", [1, 2]: {"k": set()}}`,
	`set()`, `{"x"}`, `{1, "1", [1], {"k": "v"}, {2}}`,
	`{{"result": {"PR100": [[set(), {{"msg": "m", "path": "apis[0].x"}}]]}}}`,
}

func TestValuesRoundTrip(t *testing.T) {
	for _, src := range values {
		want := ast.MustParseTerm(src).Value
		var b strings.Builder
		if err := writeValue(&b, want); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		got, err := parseValue([]byte(b.String()))
		if err != nil {
			t.Fatalf("%s printed as %s: %v", src, b.String(), err)
		}
		if got.Compare(want) != 0 {
			t.Errorf("%s printed as %s reads back as %s", src, b.String(), got)
		}
	}
}

// What the Wasm library prints is read as Rego reads it.
func TestParseReadsRegoSyntax(t *testing.T) {
	for _, src := range values {
		got, err := parseValue([]byte(src))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if want := ast.MustParseTerm(src).Value; got.Compare(want) != 0 {
			t.Errorf("%s reads as %s, Rego reads %s", src, got, want)
		}
	}
}

func TestParseRefusesMalformedValues(t *testing.T) {
	for _, src := range []string{
		``, ` `, `[`, `[1,]`, `{"a"}x`, `{"a": }`, `{1: 2, 3}`, `"open`, "\"ctl\x01\"", `tru`, `1.2.3`,
		`--1`, `{,}`, `[1 2]`, `"\x"`, strings.Repeat("[", maxDepth+2) + strings.Repeat("]", maxDepth+2),
	} {
		if v, err := parseValue([]byte(src)); err == nil {
			t.Errorf("%q read as %v", src, v)
		}
	}
}

// Strings leave as JSON the library's parser reads: Go's %q escapes
// (\x01, \a) are not JSON.
func TestStringsAreWrittenAsJSON(t *testing.T) {
	var b strings.Builder
	writeString(&b, "a\x01\a\"\\\u2028é")
	if got, want := b.String(), `"a\u0001\u0007\"\\`+"\u2028é"+`"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func FuzzParseValue(f *testing.F) {
	for _, v := range values {
		f.Add([]byte(v))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		v, err := parseValue(src)
		if err != nil {
			return
		}
		var b strings.Builder
		if err := writeValue(&b, v); err != nil {
			t.Fatalf("%q read as %v, which does not print: %v", src, v, err)
		}
		again, err := parseValue([]byte(b.String()))
		if err != nil || again.Compare(v) != 0 {
			t.Fatalf("%q read as %v, printed as %s, read back as %v (%v)", src, v, b.String(), again, err)
		}
	})
}

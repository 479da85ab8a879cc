package document

import (
	"reflect"
	"testing"

	"github.com/archvet/archvet/internal/diag"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{JoinKey("", "service"), "service"},
		{JoinKey("service", "name"), "service.name"},
		{JoinKey("dependencies[2]", "max-attempts"), "dependencies[2].max-attempts"},
		{JoinKey("labels", "team name"), `labels["team name"]`},
		{JoinKey("", "a.b"), `["a.b"]`},
		{JoinKey("x", ""), `x[""]`},
		{JoinKey("x", `say "hi"`), `x["say \"hi\""]`},
		{JoinIndex("", 0), "[0]"},
		{JoinIndex("dependencies", 2), "dependencies[2]"},
		{JoinIndex(JoinIndex("m", 1), 0), "m[1][0]"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %s, want %s", tt.got, tt.want)
		}
	}
}

func TestWithoutIndices(t *testing.T) {
	tests := map[string]string{
		"":                                   "",
		"events":                             "events",
		"dependencies[0]":                    "dependencies",
		"dependencies[0].endpoints[3]":       "dependencies.endpoints",
		`labels["a b"][1].x`:                 `labels["a b"].x`,
		"[0].a":                              "a",
		"dependencies[12].retries.policy[0]": "dependencies.retries.policy",
	}
	for in, want := range tests {
		if got := withoutIndices(in); got != want {
			t.Errorf("withoutIndices(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	ix := NewIndex("r.yaml")
	rng := func(line int) diag.Range {
		p := diag.Pos{Line: line, Column: 1}
		return diag.Range{Start: p, End: p}
	}
	ix.Add("", rng(1))
	ix.Add("dependencies", rng(2))
	ix.Add("dependencies[0]", rng(3))
	ix.Add(`labels["a.b"]`, rng(4))
	tests := []struct {
		path  string
		line  int
		exact bool
	}{
		{"", 1, true},
		{"dependencies[0]", 3, true},
		{"dependencies[0].retries.max", 3, false},
		{"dependencies[1]", 2, false},
		{`labels["a.b"].c`, 4, false},
		{`labels["a.c"]`, 1, false},
		{"service.name", 1, false},
		{`dependencies[0]["unterminated`, 3, false},
		{"dependencies[x]", 2, false},
	}
	for _, tt := range tests {
		r, exact, ok := ix.Resolve(tt.path)
		if !ok || r.Start.Line != tt.line || exact != tt.exact {
			t.Errorf("Resolve(%q) = line %d exact=%v ok=%v, want line %d exact=%v", tt.path, r.Start.Line, exact, ok, tt.line, tt.exact)
		}
		if r.Filename != "r.yaml" {
			t.Errorf("Resolve(%q): filename %q", tt.path, r.Filename)
		}
	}
	if _, _, ok := NewIndex("x").Resolve("a.b"); ok {
		t.Error("an empty index resolved a path")
	}
	if got, want := ix.Paths(), []string{"", "dependencies", "dependencies[0]", `labels["a.b"]`}; !reflect.DeepEqual(got, want) {
		t.Errorf("Paths() = %q, want %q", got, want)
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		path string
		want Format
		ok   bool
	}{
		{"review.yaml", YAML, true},
		{"dir.d/review.YML", YAML, true},
		{"review.hcl", HCL, true},
		{"README.md", Markdown, true},
		{"design.markdown", Markdown, true},
		{"review.json", "", false},
		{"yaml", "", false},
	}
	for _, tt := range tests {
		if got, ok := FormatOf(tt.path); got != tt.want || ok != tt.ok {
			t.Errorf("FormatOf(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

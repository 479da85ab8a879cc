package scaffold

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/rules"
)

var (
	readersOnce sync.Once
	readers     map[string][]string
)

func catalogueReaders(t *testing.T) map[string][]string {
	t.Helper()
	readersOnce.Do(func() {
		src, err := rules.BuiltinSources()
		if err != nil {
			panic(err)
		}
		cat, ds := rules.Parse(src)
		if ds.HasErrors() {
			panic(ds)
		}
		readers, err = Readers(cat)
		if err != nil {
			panic(err)
		}
	})
	return readers
}

func render(t *testing.T, f document.Format, tier int) []byte {
	t.Helper()
	out, err := Render(Options{Format: f, Name: "orders", Owner: "team-orders", Tier: tier, File: DefaultFile(f), Readers: catalogueReaders(t)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A fresh scaffold decodes and validates with no diagnostic at all, in
// every format and tier: only the required facts are live.
func TestScaffoldValidates(t *testing.T) {
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []document.Format{document.YAML, document.HCL, document.Markdown} {
		for tier := 0; tier <= 3; tier++ {
			name := DefaultFile(f)
			doc, ds := document.Load(name, render(t, f, tier), sch)
			if len(ds) > 0 {
				t.Fatalf("%s tier %d: %v", name, tier, ds)
			}
			if vs := sch.Validate(doc); len(vs) > 0 {
				t.Fatalf("%s tier %d: %v", name, tier, vs)
			}
			want := map[string]any{
				"format_version": int64(1),
				"service":        map[string]any{"name": "orders", "owner": "team-orders", "tier": int64(tier)},
			}
			if fmt.Sprint(doc.Value) != fmt.Sprint(want) {
				t.Errorf("%s tier %d decodes to %v; want only %v", name, tier, doc.Value, want)
			}
		}
	}
}

// paths lists the field paths of a decoded value, lists of objects
// written with [] as schema.Fields does.
func paths(v any, prefix string, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			out[p] = true
			paths(c, p, out)
		}
	case []any:
		for _, c := range x {
			if _, ok := c.(map[string]any); ok {
				paths(c, prefix+"[]", out)
			}
		}
	}
}

func fieldPaths(t *testing.T) []string {
	t.Helper()
	fields, err := schema.Fields()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range fields {
		want = append(want, f.Path)
	}
	sort.Strings(want)
	return want
}

var yamlField = regexp.MustCompile(`^(\s*)# (\s*(- )?[a-z_]+:( .*)?)$`)

// Uncommenting every field line of the YAML scaffold gives a document
// that spells every field of the format: the scaffold leaves none out,
// and its comments nest correctly.
func TestYAMLScaffoldHasEveryField(t *testing.T) {
	var lines []string
	header := true // the opening comment is prose, not fields
	for _, l := range strings.Split(string(render(t, document.YAML, 1)), "\n") {
		header = header && strings.HasPrefix(l, "#")
		if m := yamlField.FindStringSubmatch(l); m != nil && !header {
			l = m[1] + m[2]
		}
		lines = append(lines, l)
	}
	doc, ds := document.LoadYAML("uncommented.yaml", []byte(strings.Join(lines, "\n")))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	got := map[string]bool{}
	paths(doc.Value, "", got)
	for _, p := range fieldPaths(t) {
		if !got[p] {
			t.Errorf("the YAML scaffold has no field %s", p)
		}
		delete(got, p)
	}
	for p := range got {
		t.Errorf("the YAML scaffold has %s, which the format does not", p)
	}
}

var (
	hclField  = regexp.MustCompile(`^(\s*)# (\s*([a-z_]+ = .*|[a-z_]+ \{|[a-z_]+ "<[a-z_]+>" \{|\}))$`)
	bareValue = regexp.MustCompile(`= <[^>"]*>$`)
)

// The same for HCL: uncommented, with bare placeholders replaced by null,
// the scaffold decodes to every field of the format.
func TestHCLScaffoldHasEveryField(t *testing.T) {
	var lines []string
	header := true
	for _, l := range strings.Split(string(render(t, document.HCL, 1)), "\n") {
		header = header && strings.HasPrefix(l, "#")
		if m := hclField.FindStringSubmatch(l); m != nil && !header {
			l = bareValue.ReplaceAllString(m[1]+m[2], "= null")
		}
		lines = append(lines, l)
	}
	sch, _ := schema.Load()
	doc, ds := document.LoadHCL("uncommented.hcl", []byte(strings.Join(lines, "\n")), sch)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	got := map[string]bool{}
	paths(doc.Value, "", got)
	for _, p := range fieldPaths(t) {
		if !got[p] {
			t.Errorf("the HCL scaffold has no field %s", p)
		}
	}
}

func TestMarkdownScaffoldIsADesignDoc(t *testing.T) {
	out := string(render(t, document.Markdown, 2))
	if !strings.HasPrefix(out, "---\n") {
		t.Fatal("the review is not in front matter")
	}
	body := out[strings.Index(out, "\n---\n")+5:]
	for _, h := range []string{"# orders", "## Context", "## Goals and non-goals", "## Design",
		"## Alternatives considered", "## Cross-cutting concerns", "### Security", "### Privacy", "### Observability"} {
		if !slices.Contains(strings.Split(body, "\n"), h) {
			t.Errorf("the design doc has no %q heading", h)
		}
	}
}

// Fields name the rules that read them, as the Rego source shows.
func TestReaders(t *testing.T) {
	r := catalogueReaders(t)
	for field, id := range map[string]string{
		"dependencies[].timeout_ms":               "PR200",
		"service.owner":                           "ID016",
		"service.tier":                            "PR401",
		"processes.health_checks.liveness":        "PR316",
		"data_stores[].backups.last_restore_test": "PR301",
		"slos[].window_days":                      "PR406",
	} {
		if !slices.Contains(r[field], id) {
			t.Errorf("%s: rules %v, want %s among them", field, r[field], id)
		}
	}
	// A bare key counts only under a section the rule reads: the backup
	// rules read data_stores[].backups.enabled, not apis[].rate_limit.enabled.
	if slices.Contains(r["apis[].rate_limit.enabled"], "PR300") {
		t.Errorf("apis[].rate_limit.enabled is credited to a backup rule: %v", r["apis[].rate_limit.enabled"])
	}
	// A field named only inside a message is not read.
	if slices.Contains(r["dependencies[].name"], "PR200") {
		t.Errorf("dependencies[].name is credited to PR200, which only quotes it: %v", r["dependencies[].name"])
	}
}

func TestRenderRejects(t *testing.T) {
	if _, err := Render(Options{Format: document.YAML, Name: "x", Owner: "t", Tier: 4}); err == nil {
		t.Error("tier 4 accepted")
	}
	if _, err := Render(Options{Format: document.YAML, Name: " ", Owner: "t"}); err == nil {
		t.Error("blank name accepted")
	}
}

// Names that need quoting stay data in both spellings.
func TestScaffoldQuotesNames(t *testing.T) {
	sch, _ := schema.Load()
	for _, f := range []document.Format{document.YAML, document.HCL} {
		out, err := Render(Options{Format: f, Name: `a: "b" ${c} # d`, Owner: "team: x", Tier: 0, File: DefaultFile(f)})
		if err != nil {
			t.Fatal(err)
		}
		doc, ds := document.Load(DefaultFile(f), out, sch)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", f, ds)
		}
		svc := doc.Value["service"].(map[string]any)
		if svc["name"] != `a: "b" ${c} # d` || svc["owner"] != "team: x" {
			t.Errorf("%s: service decodes to %v", f, svc)
		}
	}
}

package rulegen_test

import (
	"context"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"gopkg.in/yaml.v3"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/policytest"
	"github.com/archvet/archvet/internal/rulegen"
	"github.com/archvet/archvet/rules"
)

func generate(t *testing.T, o rulegen.Options) []rulegen.File {
	t.Helper()
	if err := o.Normalize(); err != nil {
		t.Fatal(err)
	}
	files, err := rulegen.Generate(o)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestScaffoldIsValidOutOfTheBox holds the scaffold to the catalogue's own
// gates: formatted, complete metadata, strict compile under the engine's
// capabilities, its tests passing, and its example passing the rule.
func TestScaffoldIsValidOutOfTheBox(t *testing.T) {
	for _, o := range []rulegen.Options{
		{ID: "acme004", Framework: "production-readiness", Category: "resilience"},
		{ID: "ORG12", Name: "queue_owners", Framework: "twelve-factor", Category: "backing-services", Severity: "critical", Level: "strategic"},
		{ID: "X1", Package: "archvet.rules.platform.team_a.x1", Framework: "ideals", Category: "loose-coupling"},
	} {
		t.Run(o.ID, func(t *testing.T) {
			files := generate(t, o)
			dir := "org"
			sources, err := rules.BuiltinSources()
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files[:2] {
				got, err := format.SourceWithOpts(f.Path, f.Data, format.Opts{RegoVersion: ast.RegoV1})
				if err != nil || string(got) != string(f.Data) {
					t.Errorf("%s is not formatted as opa fmt formats it (%v)", f.Path, err)
				}
				sources = append(sources, rules.Source{Path: path.Join(dir, f.Path), Text: string(f.Data)})
			}
			cat, ds := rules.Parse(sources)
			if len(ds) > 0 {
				t.Fatalf("metadata: %v", ds)
			}
			r, ok := cat.Lookup(o.ID)
			if !ok {
				t.Fatalf("%s is not in the catalogue", o.ID)
			}
			if !cat.HasTest(r) || !r.Conditional || r.Example == "" {
				t.Errorf("%s: test %v, applicable %v, example %q", r.ID, cat.HasTest(r), r.Conditional, r.Example)
			}
			if strings.Contains(files[2].Path, "..") || files[2].Path != "docs/"+strings.ToUpper(o.ID)+".md" {
				t.Errorf("doc stub at %s", files[2].Path)
			}

			strict := ast.NewCompiler().WithStrict(true).WithCapabilities(checks.SafeCapabilities())
			mods := map[string]*ast.Module{}
			for _, m := range append(cat.Modules, cat.Tests...) {
				mods[m.Package.Location.File] = m
			}
			if strict.Compile(mods); strict.Failed() {
				t.Fatalf("strict compile: %v", strict.Errors)
			}

			sum, ds := policytest.Run(context.Background(), cat, policytest.Options{Only: map[string]bool{path.Join(dir, files[1].Path): true}})
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			if sum.Passed != 3 || sum.Failed+sum.Errored != 0 {
				t.Errorf("scaffold tests: %+v", sum)
			}

			engine, ds := checks.Compile(context.Background(), cat, checks.Options{})
			if ds.HasErrors() {
				t.Fatal(ds)
			}
			var example map[string]any
			if err := yaml.Unmarshal([]byte(r.Example), &example); err != nil {
				t.Fatal(err)
			}
			if status := ruleStatus(t, engine, r.ID, example); status != checks.Pass {
				t.Errorf("the scaffold's example is %s, want pass", status)
			}
		})
	}
}

func ruleStatus(t *testing.T, engine *checks.Engine, id string, input map[string]any) checks.Status {
	t.Helper()
	doc := &document.Document{Path: "example.yaml", Value: input, Index: document.NewIndex("example.yaml")}
	results, err := engine.Evaluate(context.Background(), doc, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Rule.ID == id {
			return r.Status
		}
	}
	t.Fatalf("no result for %s", id)
	return ""
}

func TestOptionsAreChecked(t *testing.T) {
	for _, tc := range []struct {
		o    rulegen.Options
		want string
	}{
		{rulegen.Options{ID: "4ACME", Framework: "ideals", Category: "loose-coupling"}, "--id"},
		{rulegen.Options{ID: "ACME1", Name: "Bad-Name", Framework: "ideals", Category: "loose-coupling"}, "--name"},
		{rulegen.Options{ID: "ACME1", Framework: "itil", Category: "loose-coupling"}, "want one of twelve-factor, well-architected, ideals, production-readiness"},
		{rulegen.Options{ID: "ACME1", Framework: "ideals", Category: "security"}, "not a category of ideals"},
		{rulegen.Options{ID: "ACME1", Framework: "ideals", Category: "loose-coupling", Severity: "urgent"}, "--severity"},
		{rulegen.Options{ID: "ACME1", Framework: "ideals", Category: "loose-coupling", Level: "heroic"}, "--level"},
		{rulegen.Options{ID: "ACME1", Package: "acme.rules.x", Framework: "ideals", Category: "loose-coupling"}, "rules live under archvet.rules."},
	} {
		err := tc.o.Normalize()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want an error mentioning %q", tc.o, err, tc.want)
		}
	}
}

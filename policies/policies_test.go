package policies_test

import (
	"context"

	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/tester"
	"gopkg.in/yaml.v3"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/policies"
	"github.com/archvet/archvet/rules"
)

// These tests are the quality gates of the catalogue, run by `go test`
// through OPA's own packages: `opa fmt`, `opa check --strict` and
// `opa test`, with the OPA version pinned in go.mod.

func readPolicies(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		b, err := fs.ReadFile(policies.FS, p)
		files[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func parseAll(t *testing.T, files map[string]string) map[string]*ast.Module {
	t.Helper()
	modules := map[string]*ast.Module{}
	for name, src := range files {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		modules[name] = m
	}
	return modules
}

func TestPoliciesAreFormatted(t *testing.T) {
	for name, src := range readPolicies(t) {
		got, err := format.SourceWithOpts(name, []byte(src), format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if string(got) != src {
			t.Errorf("%s is not formatted as `opa fmt` formats it", name)
		}
	}
}

func TestPoliciesPassStrictCheck(t *testing.T) {
	modules := parseAll(t, readPolicies(t))
	c := ast.NewCompiler().WithStrict(true).WithCapabilities(checks.SafeCapabilities())
	c.Compile(modules)
	if c.Failed() {
		for _, e := range c.Errors {
			t.Error(e)
		}
	}
}

func TestRegoUnitTests(t *testing.T) {
	modules := parseAll(t, readPolicies(t))
	ch, err := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithEnablePrintStatements(true)).
		SetModules(modules).
		RunTests(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	passed, perPackage := 0, map[string]int{}
	for r := range ch {
		switch {
		case r.Error != nil:
			t.Errorf("%s.%s: error: %v", r.Package, r.Name, r.Error)
		case r.Fail:
			t.Errorf("%s.%s: FAIL (%s)", r.Package, r.Name, r.Location)
		default:
			passed++
			perPackage[strings.TrimSuffix(strings.TrimPrefix(r.Package, "data."), "_test")]++
		}
	}
	if passed == 0 {
		t.Fatal("no Rego tests ran")
	}
	t.Logf("%d Rego tests passed", passed)
	cat := catalogue(t)
	for _, r := range cat.Rules {
		if perPackage[r.Package] < 2 {
			t.Errorf("%s (%s): %d passing tests; want at least a passing and a failing case", r.ID, r.File, perPackage[r.Package])
		}
	}
}

func catalogue(t *testing.T) *rules.Catalogue {
	t.Helper()
	sources, err := rules.BuiltinSources()
	if err != nil {
		t.Fatal(err)
	}
	cat, ds := rules.Parse(sources)
	for _, d := range ds {
		t.Error(d)
	}
	return cat
}

// TestEveryRuleHasMetadataAndTests is the metadata contract: complete
// annotations (checked by rules.Parse) and a _test.rego beside each rule.
func TestEveryRuleHasMetadataAndTests(t *testing.T) {
	cat := catalogue(t)
	if len(cat.Rules) == 0 {
		t.Fatal("no rules in the catalogue")
	}
	for _, r := range cat.Rules {
		if !cat.HasTest(r) {
			t.Errorf("%s (%s) has no _test.rego beside it", r.ID, r.File)
		}
		if r.Example == "" {
			t.Errorf("%s (%s) has no custom.example", r.ID, r.File)
		}
	}
}

// TestExamplesPassTheirRule proves each rule's example, which `archvet
// explain` shows, really passes the rule, at the strictest tier.
func TestExamplesPassTheirRule(t *testing.T) {
	cat := catalogue(t)
	engine, ds := checks.Compile(context.Background(), cat, checks.Options{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	for _, r := range cat.Rules {
		var input map[string]any
		if err := yaml.Unmarshal([]byte(r.Example), &input); err != nil {
			t.Errorf("%s: example is not YAML: %v", r.ID, err)
			continue
		}
		if _, ok := input["service"]; !ok {
			input["service"] = map[string]any{"name": "example", "owner": "team", "tier": 0}
		}
		// A claim rule applies only when artefacts of its kind were read:
		// the example is judged with every kind read and saying nothing.
		if _, ok := input["_artefacts"]; !ok {
			input["_artefacts"] = map[string]any{"terraform": map[string]any{}, "kubernetes": map[string]any{}, "openapi": map[string]any{}}
		}
		status, findings := evalOne(t, engine, r.ID, input)
		// A claim rule answers only with evidence: with artefacts that say
		// nothing of the example's claims it judged nothing and does not
		// apply; it must never fail its own example.
		if r.Claims && status == checks.NotApplicable {
			continue
		}
		if status != checks.Pass {
			t.Errorf("%s: its example is %s, want pass %v", r.ID, status, findings)
		}
	}
}

// TestWellArchitectedRulesNameTheirBestPractice: every rule mapped to a
// Well-Architected pillar cites the best practice it implements, by id.
func TestWellArchitectedRulesNameTheirBestPractice(t *testing.T) {
	bp := regexp.MustCompile(`\b(OPS|SEC|REL|PERF|COST|SUS)\d{2}(-BP\d{2})?\b`)
	for _, r := range catalogue(t).Rules {
		if !r.In("well-architected") {
			continue
		}
		named := false
		for _, ref := range r.References {
			named = named || bp.MatchString(ref.Description)
		}
		if !named {
			t.Errorf("%s (%s) maps to well-architected but no reference names a best-practice id such as REL05-BP03", r.ID, r.File)
		}
	}
}

package examples

import (
	"context"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/config"
	"github.com/archvet/archvet/internal/policytest"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/rules"
)

// The example organisation pack, examples/policies: ACME's own rules and
// the configuration that adds them. These tests keep it working as the
// README and docs/organisation.md describe it.

func acmeCatalogue(t *testing.T) (*rules.Catalogue, *config.Config) {
	t.Helper()
	cfg, ds := config.Load("policies/.archvet.yaml")
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	sources, err := rules.BuiltinSources()
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range cfg.Policies {
		custom, err := rules.ReadFS(os.DirFS(dir), false, dir)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, custom...)
	}
	cat, ds := rules.Parse(sources)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if ds := cfg.ApplyToCatalogue(cat); len(ds) > 0 {
		t.Fatal(ds)
	}
	return cat, cfg
}

// TestAcmePackPassesTheGates holds ACME's policies to the built-in
// catalogue's gates: formatted as opa fmt formats them, and compiling
// under opa check --strict with the builtins archvet allows.
func TestAcmePackPassesTheGates(t *testing.T) {
	cat, _ := acmeCatalogue(t)
	modules := map[string]*ast.Module{}
	for _, m := range append(cat.Modules, cat.Tests...) {
		file := m.Package.Location.File
		modules[file] = m
		if !strings.HasPrefix(file, "policies/acme/") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		got, err := format.SourceWithOpts(file, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil || string(got) != string(src) {
			t.Errorf("%s is not formatted as opa fmt formats it (%v)", file, err)
		}
	}
	c := ast.NewCompiler().WithStrict(true).WithCapabilities(checks.SafeCapabilities())
	if c.Compile(modules); c.Failed() {
		t.Error(c.Errors)
	}
}

func TestAcmePackPassesItsTests(t *testing.T) {
	cat, _ := acmeCatalogue(t)
	only := map[string]bool{}
	perPackage := map[string]int{}
	for _, m := range cat.Tests {
		if f := m.Package.Location.File; strings.HasPrefix(f, "policies/acme/") {
			only[f] = true
		}
	}
	sum, ds := policytest.Run(context.Background(), cat, policytest.Options{Only: only})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	for _, r := range sum.Results {
		if r.Outcome != policytest.Passed {
			t.Errorf("%s: %s %s", r.Name, r.Outcome, r.Message)
		}
		perPackage[r.Name[:strings.LastIndex(r.Name, "_test.")]]++
	}
	acme := 0
	for _, r := range cat.Rules {
		if r.Builtin {
			continue
		}
		acme++
		if !strings.HasPrefix(r.ID, "ACME") || !strings.HasPrefix(r.Package, "archvet.rules.acme.") {
			t.Errorf("%s (%s): ACME's rules are ACMEnnn in archvet.rules.acme", r.ID, r.Package)
		}
		if perPackage[r.Package] < 3 {
			t.Errorf("%s: %d tests; want a passing, a failing and a not-applicable case", r.ID, perPackage[r.Package])
		}
	}
	if acme < 2 {
		t.Errorf("the pack has %d rules", acme)
	}
}

// TestAcmeConfigurationApplies checks what the configuration promises:
// the disabled rule is gone, the severity override holds, and ACME's rules
// find what they should in the examples.
func TestAcmeConfigurationApplies(t *testing.T) {
	cat, cfg := acmeCatalogue(t)
	for _, r := range cat.Rules {
		if r.ID == "TF005" {
			t.Error("TF005 is disabled by the configuration but still in the catalogue")
		}
	}
	if r, ok := cat.Lookup("ACME003"); !ok || r.Severity != rules.High {
		t.Errorf("ACME003 should be re-graded high by the configuration")
	}
	if p, ok := cfg.Profile(0); !ok || p.Gate.FailOn == nil || *p.Gate.FailOn != "medium" {
		t.Errorf("the tier-0 profile should gate on medium")
	}
	engine, ds := checks.Compile(context.Background(), cat, checks.Options{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := &checks.Checker{Engine: engine, Schema: sch, Now: asOf, Profiles: cfg.TierProfiles()}
	want := map[string][]string{
		"checkout/design.yaml":   {},
		"fulfilment/design.yaml": {},
		"prototype/design.yaml":  {"ACME002", "ACME003"},
	}
	for file, wantFailed := range want {
		rep := c.CheckAll(context.Background(), []checks.Input{{Path: file}})
		got := []string{}
		for _, r := range rep.Files[0].Results {
			if strings.HasPrefix(r.Rule.ID, "ACME") && r.Status == checks.Fail {
				got = append(got, r.Rule.ID)
			}
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, wantFailed) {
			t.Errorf("%s: ACME rules failed %v, want %v", file, got, wantFailed)
		}
	}
}

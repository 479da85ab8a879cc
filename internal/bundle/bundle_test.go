package bundle_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/bundle"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/imports"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/policies"
	"github.com/archvet/archvet/rules"
)

// The date the examples are pinned at (examples/examples_test.go).
var asOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// acmeDir is the example organisation pack, so the round trip covers
// custom policies as well as built-in ones.
const acmeDir = "../../examples/policies/acme"

func catalogue(t *testing.T) *rules.Catalogue {
	t.Helper()
	sources, err := rules.BuiltinSources()
	if err != nil {
		t.Fatal(err)
	}
	custom, err := rules.ReadFS(os.DirFS(acmeDir), false, acmeDir)
	if err != nil {
		t.Fatal(err)
	}
	cat, ds := rules.Parse(append(sources, custom...))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return cat
}

func writeBundle(t *testing.T, cat *rules.Catalogue) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "archvet-bundle.tar.gz")
	if err := bundle.WriteFile(path, cat, bundle.Options{Revision: "test"}); err != nil {
		t.Fatal(err)
	}
	return path
}

// examples lists the example design reviews, in both spellings.
func examples(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, glob := range []string{"../../examples/*/design.yaml", "../../examples/*/design.hcl", "../../examples/*/design.md"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) < 2 {
		t.Fatalf("found %d example design reviews", len(out))
	}
	return out
}

// inputOf converts a design review into the JSON a user hands to plain
// OPA (see `archvet input`), decoded back into Go values.
func inputOf(t *testing.T, sch *schema.Schema, path string, evidence bool) any {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, ds := bundle.Input(path, src, sch, bundle.InputOptions{Evidence: evidence, Artefacts: evidence})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// documentOf prepares a review as archvet does before evaluation, evidence
// aside: decoded, with its imports merged.
func documentOf(t *testing.T, sch *schema.Schema, path string) *document.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, ds := document.Load(path, src, sch)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if ds := imports.Apply(doc); ds.HasErrors() {
		t.Fatal(ds)
	}
	return doc
}

// opaResult is a rule's outcome as plain OPA reports it from the bundle.
type opaResult struct {
	Status map[string]checks.Status
	// Failed is data.archvet.engine.failed; ConftestRules are the rules
	// named by data.archvet.engine.deny, with their number of findings.
	Failed        []string
	ConftestRules map[string]int
	// Claims are each claim rule's claims, "path status", sorted.
	Claims map[string][]string
}

func evalBundle(t *testing.T, pq rego.PreparedEvalQuery, input any) opaResult {
	t.Helper()
	rs, err := pq.Eval(context.Background(), rego.EvalInput(input), rego.EvalTime(asOf))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 4 {
		t.Fatalf("unexpected result set %v", rs)
	}
	res := opaResult{Status: map[string]checks.Status{}, ConftestRules: map[string]int{}, Claims: map[string][]string{}}
	// rules names the sets of each rule that applies; not_applicable
	// lists the others.
	for _, id := range rs[0].Expressions[1].Value.([]any) {
		res.Status[id.(string)] = checks.NotApplicable
	}
	for id, v := range rs[0].Expressions[0].Value.(map[string]any) {
		entry := v.(map[string]any)
		if claims, ok := entry["claims"].([]any); ok {
			list := []string{}
			for _, c := range claims {
				m := c.(map[string]any)
				list = append(list, m["path"].(string)+" "+m["status"].(string))
			}
			sort.Strings(list)
			res.Claims[id] = list
		}
		deny, _ := entry["deny"].([]any)
		questions, _ := entry["unanswered"].([]any)
		switch {
		case len(deny) > 0:
			res.Status[id] = checks.Fail
		case len(questions) > 0:
			res.Status[id] = checks.Unanswered
		default:
			res.Status[id] = checks.Pass
		}
	}
	for _, id := range rs[0].Expressions[2].Value.([]any) {
		res.Failed = append(res.Failed, id.(string))
	}
	sort.Strings(res.Failed)
	for _, d := range rs[0].Expressions[3].Value.([]any) {
		m := d.(map[string]any)
		id := m["rule"].(string)
		if !strings.HasPrefix(m["msg"].(string), id+": ") {
			t.Errorf("conftest message %q does not start with its rule id", m["msg"])
		}
		res.ConftestRules[id]++
	}
	return res
}

// TestBundleGivesArchvetsResults is the round trip: the bundle written to
// disk, loaded back by OPA's own bundle loader, evaluated on each example
// as plain JSON, names the same failed rules as archvet.
func TestBundleGivesArchvetsResults(t *testing.T) {
	ctx := context.Background()
	cat := catalogue(t)
	path := writeBundle(t, cat)

	// Plain OPA: every builtin available, as `opa eval -b` has them.
	pq, err := prepare(ctx, path)
	if err != nil {
		t.Fatal(err)
	}

	engine, ds := checks.Compile(ctx, cat, checks.Options{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	checker := &checks.Checker{Engine: engine, Schema: sch, Gate: checks.Gate{FailOn: rules.High}, Now: asOf}

	for _, file := range examples(t) {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			// 1. Rule by rule, the bundle agrees with archvet's engine given
			// the same input, without evidence: pass, fail and
			// not_applicable alike.
			doc := documentOf(t, sch, file)
			got := evalBundle(t, pq, inputOf(t, sch, file, false))
			results, err := engine.Evaluate(ctx, doc, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Status) != len(results) {
				t.Errorf("bundle reports %d rules, archvet %d", len(got.Status), len(results))
			}
			var engineFailed []string
			for _, r := range results {
				if got.Status[r.Rule.ID] != r.Status {
					t.Errorf("%s: bundle says %s, archvet's engine %s", r.Rule.ID, got.Status[r.Rule.ID], r.Status)
				}
				if r.Status == checks.Fail {
					engineFailed = append(engineFailed, r.Rule.ID)
					if got.ConftestRules[r.Rule.ID] != len(r.Findings) {
						t.Errorf("%s: %d conftest results, want one per finding (%d)", r.Rule.ID, got.ConftestRules[r.Rule.ID], len(r.Findings))
					}
				}
			}
			sort.Strings(engineFailed)
			if !reflect.DeepEqual(got.Failed, engineFailed) {
				t.Errorf("data.archvet.engine.failed\n got  %v\n want %v", got.Failed, engineFailed)
			}
			if len(got.ConftestRules) != len(engineFailed) {
				t.Errorf("conftest results name %d rules, want the %d failed ones", len(got.ConftestRules), len(engineFailed))
			}

			// The YAML file itself, read as `opa eval -i design.yaml` reads
			// it, is the same input when it imports nothing.
			if _, imports := doc.Value["imports"]; strings.HasSuffix(file, ".yaml") && !imports {
				src, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				var raw any
				if err := util.Unmarshal(src, &raw); err != nil {
					t.Fatal(err)
				}
				if fromYAML := evalBundle(t, pq, raw); !reflect.DeepEqual(fromYAML.Failed, engineFailed) {
					t.Errorf("opa eval -i %s\n got  %v\n want %v", file, fromYAML.Failed, engineFailed)
				}
			}

			// 2. Given the input `archvet input` prints (evidence included),
			// the bundle fails exactly the rules the whole of `archvet check`
			// fails, except waived ones, which only archvet knows about.
			got = evalBundle(t, pq, inputOf(t, sch, file, true))
			rep := checker.CheckAll(ctx, []checks.Input{{Path: file}})
			var archvetFailed []string
			for _, r := range rep.Files[0].Results {
				if r.Status == checks.Fail || r.Status == checks.Waived {
					archvetFailed = append(archvetFailed, r.Rule.ID)
				}
			}
			sort.Strings(archvetFailed)
			t.Logf("%d rules failed", len(got.Failed))
			if !reflect.DeepEqual(got.Failed, archvetFailed) {
				t.Errorf("archvet check and the bundle disagree\n bundle  %v\n archvet %v", got.Failed, archvetFailed)
			}
			// And the claim rules make the same claims. archvet alone
			// verifies an imported fact at its source; the bundle leaves it
			// unverified, which is what its policy said.
			for _, r := range rep.Files[0].Results {
				if !r.Rule.Claims {
					continue
				}
				want := []string{}
				for _, c := range r.Claims {
					status := c.Status
					if c.Source == checks.SourceImport {
						status = checks.Unverified
					}
					want = append(want, c.Path+" "+status)
				}
				sort.Strings(want)
				if len(want) == 0 && len(got.Claims[r.Rule.ID]) == 0 {
					continue // no claim either way (an inapplicable rule has no claims key)
				}
				if !reflect.DeepEqual(got.Claims[r.Rule.ID], want) {
					t.Errorf("%s: the bundle claims %v, archvet %v", r.Rule.ID, got.Claims[r.Rule.ID], want)
				}
			}
		})
	}
}

func prepare(ctx context.Context, path string) (rego.PreparedEvalQuery, error) {
	return rego.New(
		rego.LoadBundle(path),
		rego.Query("data.archvet.engine.rules; data.archvet.engine.not_applicable; data.archvet.engine.failed; data.archvet.engine.deny"),
	).PrepareForEval(ctx)
}

// TestBundleLayout checks the manifest, that built-in policies are stored
// byte for byte as in the repository, that tests are left out, and that
// the generated module is formatted as `opa fmt` formats it.
func TestBundleLayout(t *testing.T) {
	cat := catalogue(t)
	b, err := bundle.ReadFile(writeBundle(t, cat))
	if err != nil {
		t.Fatal(err)
	}
	if b.Manifest.Revision != "test" {
		t.Errorf("revision %q, want test", b.Manifest.Revision)
	}
	if b.Manifest.Roots == nil || !reflect.DeepEqual(*b.Manifest.Roots, []string{"archvet"}) {
		t.Errorf("roots %v, want [archvet]", b.Manifest.Roots)
	}
	if b.Manifest.RegoVersion == nil || *b.Manifest.RegoVersion != 1 {
		t.Errorf("manifest rego_version %v, want 1", b.Manifest.RegoVersion)
	}
	builtin := map[string]string{}
	err = fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		builtin[string(src)] = p
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]bool{}
	identical := 0
	for _, m := range b.Modules {
		paths[m.Path] = true
		if strings.HasSuffix(m.Path, "_test.rego") || strings.HasSuffix(m.Parsed.Package.Path.String(), "_test") {
			t.Errorf("%s: tests do not belong in the bundle", m.Path)
		}
		if _, ok := builtin[string(m.Raw)]; ok {
			identical++
		}
		got, err := format.SourceWithOpts(m.Path, m.Raw, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil || string(got) != string(m.Raw) {
			t.Errorf("%s is not formatted as opa fmt formats it (%v)", m.Path, err)
		}
	}
	builtinRules := 0
	for _, r := range cat.Rules {
		if r.Builtin {
			builtinRules++
		}
	}
	if identical < builtinRules {
		t.Errorf("%d bundle modules are byte-identical to a built-in policy; want at least %d", identical, builtinRules)
	}
	for _, want := range []string{
		"/archvet/engine.rego",
		"/archvet/lib/design.rego",
		"/archvet/lib/calls.rego",
		"/archvet/rules/acme/approved_engines.rego",
		"/archvet/rules/production_readiness/incident_escalation.rego",
	} {
		if !paths[want] {
			t.Errorf("the bundle has no %s", want)
		}
	}
}

// TestDisabledRulesAreLeftOut: a rule the configuration switches off is
// not in the bundle at all, so per-rule queries see what archvet sees.
func TestDisabledRulesAreLeftOut(t *testing.T) {
	cat := catalogue(t)
	kept := cat.Rules[:0]
	for _, r := range cat.Rules {
		if r.ID != "ACME003" {
			kept = append(kept, r)
		}
	}
	cat.Rules = kept
	b, err := bundle.Build(cat, bundle.Options{Revision: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range b.Modules {
		if strings.Contains(m.Path, "approved_engines") {
			t.Errorf("disabled rule ACME003 is in the bundle as %s", m.Path)
		}
		if strings.HasSuffix(m.Path, "engine.rego") && strings.Contains(string(m.Raw), "ACME003") {
			t.Error("disabled rule ACME003 is in the generated report")
		}
	}
}

// TestHelperOutsideTheRootGetsItsOwnRoot: a custom helper package outside
// data.archvet is kept, and the manifest claims its root, since OPA refuses
// a bundle holding packages outside its roots.
func TestHelperOutsideTheRootGetsItsOwnRoot(t *testing.T) {
	sources, err := rules.BuiltinSources()
	if err != nil {
		t.Fatal(err)
	}
	sources = append(sources, rules.Source{Path: "org/helpers.rego", Text: "package acme.helpers\n\nteams := {\"checkout\"}\n"})
	cat, ds := rules.Parse(sources)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	path := writeBundle(t, cat)
	b, err := bundle.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"archvet", "acme"}; !reflect.DeepEqual(*b.Manifest.Roots, want) {
		t.Errorf("roots %v, want %v", *b.Manifest.Roots, want)
	}
	if _, err := prepare(context.Background(), path); err != nil {
		t.Errorf("OPA cannot load the bundle: %v", err)
	}
}

// TestEnginePackageIsReserved: a custom package named like the generated
// one would merge with it; it is refused at its file.
func TestEnginePackageIsReserved(t *testing.T) {
	sources, err := rules.BuiltinSources()
	if err != nil {
		t.Fatal(err)
	}
	sources = append(sources, rules.Source{Path: "org/engine.rego", Text: "package archvet.engine\n\nreport := {}\n"})
	cat, ds := rules.Parse(sources)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	_, err = bundle.Build(cat, bundle.Options{Revision: "test"})
	if err == nil || !strings.Contains(err.Error(), "org/engine.rego: error: package archvet.engine is generated") {
		t.Errorf("got %v, want the reserved package refused at org/engine.rego", err)
	}
}

package report

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/golden and docs/html-report.png")

// asOf is the day the test designs are judged at, so that goldens do not
// drift with the clock.
var asOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// goldenPolicies is the part of the catalogue the golden files are
// rendered with: real rules from every framework, with passes, failures, a
// not-applicable rule and security rules, but few enough that a golden
// file stays readable and does not change whenever a rule is added.
var goldenPolicies = []string{
	"twelve_factor/config.rego",
	"twelve_factor/secrets_outside_repository.rego",
	"well_architected/cost_tagging.rego",
	"well_architected/sec_tls_external.rego",
	"well_architected/sec_internal_traffic_encryption.rego",
	"ideals/async_soft_dependencies.rego",
	"ideals/bounded_context_declared.rego",
	"well_architected/sus_efficient_hardware.rego",
	"production_readiness/resilience_dependency_timeouts.rego",
	"production_readiness/resilience_dependency_failure_mode.rego",
	"production_readiness/resilience_circuit_breakers.rego",
	"production_readiness/availability_health_checks.rego",
	"production_readiness/slo_availability_defined.rego",
	"production_readiness/events_outbox.rego",
}

type compiled struct {
	once   sync.Once
	engine *checks.Engine
	err    string
}

var fullEngine, goldenEngine compiled

// compile builds an engine from the built-in policies that keep() selects
// (helpers under lib/ are always kept), once per test binary.
func (c *compiled) compile(t testing.TB, keep func(path string) bool) *checks.Engine {
	t.Helper()
	c.once.Do(func() {
		sources, err := rules.BuiltinSources()
		if err != nil {
			c.err = err.Error()
			return
		}
		var kept []rules.Source
		for _, s := range sources {
			rel := strings.TrimPrefix(s.Path, "policies/")
			if strings.HasPrefix(rel, "lib/") || keep(rel) {
				kept = append(kept, s)
			}
		}
		cat, ds := rules.Parse(kept)
		if ds.HasErrors() {
			c.err = ds[0].Error()
			return
		}
		e, ds := checks.Compile(context.Background(), cat, checks.Options{})
		if ds.HasErrors() {
			c.err = ds[0].Error()
			return
		}
		c.engine = e
	})
	if c.engine == nil {
		t.Fatalf("compiling the catalogue: %s", c.err)
	}
	return c.engine
}

func checkerWith(t testing.TB, e *checks.Engine) *checks.Checker {
	t.Helper()
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	return &checks.Checker{Engine: e, Schema: sch, Gate: checks.Gate{FailOn: rules.High}, Now: asOf}
}

// testChecker runs the real engine over the whole built-in catalogue.
func testChecker(t testing.TB) *checks.Checker {
	t.Helper()
	return checkerWith(t, fullEngine.compile(t, func(string) bool { return true }))
}

// goldenChecker runs the real engine over goldenPolicies.
func goldenChecker(t testing.TB) *checks.Checker {
	t.Helper()
	e := goldenEngine.compile(t, func(p string) bool {
		for _, g := range goldenPolicies {
			if p == g {
				return true
			}
		}
		return false
	})
	return checkerWith(t, e)
}

func inputsOf(paths []string) []checks.Input {
	var in []checks.Input
	for _, p := range paths {
		in = append(in, checks.Input{Path: p})
	}
	return in
}

// checkPaths checks design reviews with the whole catalogue, as
// `archvet check PATH...` would.
func checkPaths(t testing.TB, paths ...string) checks.Report {
	t.Helper()
	return testChecker(t).CheckAll(context.Background(), inputsOf(paths))
}

// goldenInputs are the design reviews every golden file is rendered from:
// a broken file, a tier-2 YAML design with a waiver and a tier-3 HCL one.
var goldenInputs = []string{"testdata/broken.yaml", "testdata/orders.yaml", "testdata/payments.hcl"}

func goldenReport(t testing.TB) (checks.Report, Options) {
	t.Helper()
	c := goldenChecker(t)
	rep := c.CheckAll(context.Background(), inputsOf(goldenInputs))
	return rep, Options{Catalogue: c.Engine.Catalogue, Version: "0.0.0-test"}
}

// goldenExt is the file extension of each format's golden file.
var goldenExt = map[string]string{
	"text": "txt", "json": "json", "sarif": "sarif", "junit": "xml", "markdown": "md",
	"github": "txt", "html": "html", "codeclimate": "json",
}

func render(t testing.TB, format string, rep checks.Report, opts Options) []byte {
	t.Helper()
	f, err := New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, rep); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// TestGolden renders the fixed report in every format and compares it
// with testdata/golden; run `go test ./internal/report -update` to accept
// a deliberate change.
func TestGolden(t *testing.T) {
	rep, opts := goldenReport(t)
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			ext, ok := goldenExt[name]
			if !ok {
				t.Fatalf("format %s has no golden file extension; add it to goldenExt", name)
			}
			got := render(t, name, rep, opts)
			if again := render(t, name, rep, opts); !bytes.Equal(got, again) {
				t.Fatalf("%s output differs between two renderings of the same report", name)
			}
			compareGolden(t, name, filepath.Join("testdata", "golden", name+"."+ext), got)
		})
	}
}

// compareGolden compares a format's output with its golden file, or
// rewrites the file with -update.
func compareGolden(t *testing.T, name, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s output differs from %s (run go test ./internal/report -update if the change is intended):\n%s", name, path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first differing line, enough to see what changed.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n- " + w + "\n+ " + g
		}
	}
	return "(no line differs)"
}

// TestEveryStatusIsShown checks that a status the formats do not know
// (as waived once was) is rendered under its own name, not dropped.
func TestEveryStatusIsShown(t *testing.T) {
	c := goldenChecker(t)
	rep := c.CheckAll(context.Background(), inputsOf([]string{"testdata/payments.hcl"}))
	const novel checks.Status = "under_review"
	changed := false
	for i, r := range rep.Files[0].Results {
		if r.Status == checks.Fail && r.Rule.ID == "PR200" {
			rep.Files[0].Results[i].Status = novel
			changed = true
		}
	}
	if !changed {
		t.Fatal("PR200 no longer fails testdata/payments.hcl; pick another rule")
	}
	opts := Options{Catalogue: c.Engine.Catalogue}
	for _, name := range []string{"text", "sarif", "junit", "markdown", "github", "html", "codeclimate"} {
		out := string(render(t, name, rep, opts))
		if !strings.Contains(out, "PR200") {
			t.Errorf("%s drops a result with status %q", name, novel)
		}
	}
}

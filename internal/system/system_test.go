package system

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/document"
)

// svc writes a small review: a service of a tier, and its dependencies as
// "name:hard|soft:sync|async:attempts" specs, plus any extra YAML.
func svc(name string, tier int, deps []string, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format_version: 1\nservice:\n  name: %s\n  owner: team-%s\n  tier: %d\n", name, name, tier)
	if len(deps) > 0 {
		b.WriteString("dependencies:\n")
		for _, d := range deps {
			p := strings.Split(d, ":")
			fmt.Fprintf(&b, "  - name: %s\n    criticality: %s\n    interaction: %s\n    retries:\n      max_attempts: %s\n", p[0], p[1], p[2], p[3])
		}
	}
	b.WriteString(extra)
	return b.String()
}

// build loads reviews (file name → YAML) and builds their system.
func build(t testing.TB, files map[string]string) *System {
	t.Helper()
	var facts []Facts
	for path, src := range files {
		doc, ds := document.LoadYAML(path, []byte(src))
		if ds.HasErrors() {
			t.Fatalf("%s: %v", path, ds)
		}
		f, ds := Extract(doc)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", path, ds)
		}
		facts = append(facts, f)
	}
	s, ds := Build(facts)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return s
}

// get reads a value of an input by a dotted path with [N] indices.
func get(t *testing.T, v any, path string) any {
	t.Helper()
	for _, seg := range strings.FieldsFunc(path, func(r rune) bool { return r == '.' }) {
		key, idx, _ := strings.Cut(seg, "[")
		if key != "" {
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%s: %q is not in an object (%v)", path, key, v)
			}
			v = m[key]
		}
		if idx != "" {
			var i int
			fmt.Sscanf(idx, "%d]", &i)
			l, ok := v.([]any)
			if !ok || i >= len(l) {
				t.Fatalf("%s: no entry %d in %v", path, i, v)
			}
			v = l[i]
		}
	}
	return v
}

func TestExtractPositions(t *testing.T) {
	src := svc("checkout", 0, []string{"payments:hard:sync:3"}, `apis:
  - name: web
    timeout_ms: 5000
slos:
  - name: up
    sli: availability
    objective_percent: 99.9
  - name: fast
    sli: latency
    threshold_ms: 300
`)
	doc, _ := document.LoadYAML("c.yaml", []byte(src))
	f, ds := Extract(doc)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if f.Service.At != (At{"c.yaml", 3, 3}) || f.TierAt != (At{"c.yaml", 5, 3}) {
		t.Errorf("service at %v, tier at %v; want c.yaml:3:3 and c.yaml:5:3 (the keys)", f.Service.At, f.TierAt)
	}
	if d := f.Dependencies[0]; d.At != (At{"c.yaml", 7, 5}) || !d.Hard || !d.Sync || d.Attempts != 3 {
		t.Errorf("dependency %+v", d)
	}
	if f.Availability == nil || f.Availability.Value != 99.9 || f.Availability.At.Line != 18 {
		t.Errorf("availability %+v", f.Availability)
	}
	if f.Latency == nil || f.Latency.Value != int64(300) || f.Latency.At.Line != 21 {
		t.Errorf("latency %+v", f.Latency)
	}
	if f.APIs[0].Timeout == nil || f.APIs[0].Timeout.Value != int64(5000) || f.APIs[0].Timeout.At.Line != 14 {
		t.Errorf("api %+v", f.APIs[0])
	}
}

func TestCycleReportedAtLeastCriticalMember(t *testing.T) {
	s := build(t, map[string]string{
		"a.yaml": svc("a", 0, []string{"b:hard:sync:1"}, ""),
		"b.yaml": svc("b", 2, []string{"c:hard:sync:1", "a:soft:sync:1"}, ""),
		"c.yaml": svc("c", 2, []string{"d:hard:async:1", "a:hard:sync:1"}, ""),
		"d.yaml": svc("d", 3, []string{"d:hard:sync:1"}, ""),
		"e.yaml": svc("e", 3, []string{"a:soft:sync:1"}, ""), // soft: no cycle
	})
	want := [][]string{{"b", "c", "a"}, {"d"}}
	if !reflect.DeepEqual(s.Derived.Cycles, want) {
		t.Fatalf("cycles %v, want %v", s.Derived.Cycles, want)
	}
	in := s.Input("b.yaml")
	cycles := get(t, in, "cycles").([]any)
	if len(cycles) != 1 || get(t, in, "cycles[0].dependency") != int64(0) {
		t.Fatalf("b's cycles %v", cycles)
	}
	if got := get(t, in, "cycles[0].path[2].service"); got != "a" {
		t.Errorf("the cycle comes back through a, got %v", got)
	}
	if got := get(t, in, "cycles[0].path[1].at.line"); got != int64(12) {
		t.Errorf("c's entry at line %v, want 12 (its second dependency)", got)
	}
	if got := get(t, in, "cycles[0].path[1].dependency"); got != int64(1) {
		t.Errorf("c's entry index %v, want 1", got)
	}
	if get(t, in, "dependencies[1].calls_back") != true || get(t, in, "dependencies[1].calls_back_at.file") != "a.yaml" {
		t.Errorf("b's call to a: a calls b back, at a.yaml: %v", get(t, in, "dependencies[1]"))
	}
	if get(t, in, "dependencies[0].calls_back") != false || get(t, in, "dependencies[0].calls_back_at") != nil {
		t.Errorf("b's call to c: c does not call b: %v", get(t, in, "dependencies[0]"))
	}
	if got := get(t, in, "dependencies[0].call_depth"); got != int64(1) {
		t.Errorf("b→c stays in the cycle and c's only way out is asynchronous: depth %v, want 1 (a cycle is crossed by one edge)", got)
	}
	for _, f := range []string{"a.yaml", "c.yaml", "e.yaml"} {
		if n := len(get(t, s.Input(f), "cycles").([]any)); n != 0 {
			t.Errorf("%s reports %d cycles, want none (b is the least critical member)", f, n)
		}
	}
	if n := len(get(t, s.Input("d.yaml"), "cycles").([]any)); n != 1 {
		t.Errorf("d calls itself: %d cycles, want 1", n)
	}
}

func TestAmplificationAlongWorstPath(t *testing.T) {
	s := build(t, map[string]string{
		"a.yaml": svc("a", 0, []string{"b:soft:sync:4", "c:hard:sync:2"}, ""),
		"b.yaml": svc("b", 1, []string{"c:hard:sync:4", "x:hard:sync:3"}, ""),
		"c.yaml": svc("c", 1, []string{"d:hard:sync:4", "q:hard:async:9"}, ""),
		"d.yaml": svc("d", 2, nil, ""),
	})
	want := map[string]int{"a/0": 64, "a/1": 8, "b/0": 16, "b/1": 3, "c/0": 4, "c/1": 9}
	if !reflect.DeepEqual(s.Derived.Amplification, want) {
		t.Fatalf("amplification %v, want %v", s.Derived.Amplification, want)
	}
	in := s.Input("a.yaml")
	if got := get(t, in, "dependencies[0].amplification"); got != int64(64) {
		t.Errorf("a's first dependency: %v, want 64", got)
	}
	var path []string
	for _, st := range get(t, in, "dependencies[0].amplification_path").([]any) {
		m := st.(map[string]any)
		path = append(path, fmt.Sprintf("%s/%d×%d", m["service"], m["dependency"], m["attempts"]))
	}
	if want := []string{"a/0×4", "b/0×4", "c/0×4"}; !reflect.DeepEqual(path, want) {
		t.Errorf("path %v, want %v", path, want)
	}
	// The same path counted in hops is call_depth: a→b→c→d.
	if got := get(t, in, "dependencies[0].call_depth"); got != int64(3) {
		t.Errorf("call depth %v, want 3", got)
	}
	if got := get(t, s.Input("c.yaml"), "dependencies[0].call_depth"); got != int64(1) {
		t.Errorf("d calls nothing: one hop, got %v", got)
	}
	if got := get(t, s.Input("c.yaml"), "dependencies[1].call_depth"); got != nil {
		t.Errorf("q has no review: no depth, got %v", got)
	}
}

func TestAmplificationBoundedInCycles(t *testing.T) {
	s := build(t, map[string]string{
		"a.yaml": svc("a", 0, []string{"b:hard:sync:3"}, ""),
		"b.yaml": svc("b", 0, []string{"a:hard:sync:5", "c:hard:sync:2"}, ""),
		"c.yaml": svc("c", 0, nil, ""),
	})
	// a→b crosses one edge inside the cycle, then leaves it: 3 × 2; b→a
	// is inside the cycle and a has no way out but back: 5.
	want := map[string]int{"a/0": 6, "b/0": 5, "b/1": 2}
	if !reflect.DeepEqual(s.Derived.Amplification, want) {
		t.Fatalf("amplification %v, want %v", s.Derived.Amplification, want)
	}
}

func TestComposedAvailability(t *testing.T) {
	slo := func(p string) string {
		return "slos:\n  - name: up\n    sli: availability\n    objective_percent: " + p + "\n"
	}
	s := build(t, map[string]string{
		"top.yaml":   svc("top", 0, []string{"p:hard:sync:1", "q:hard:sync:1", "p:hard:sync:1", "r:soft:sync:1", "z:hard:sync:1"}, slo("99.99")),
		"p.yaml":     svc("p", 1, nil, slo("99.9")),
		"q.yaml":     svc("q", 1, []string{"deep:hard:sync:1"}, slo("99.95")),
		"deep.yaml":  svc("deep", 2, nil, slo("99.5")),
		"r.yaml":     svc("r", 1, nil, slo("90")),
		"bare.yaml":  svc("bare", 1, []string{"p:hard:sync:1"}, ""),
		"alone.yaml": svc("alone", 1, nil, ""),
	})
	want := map[string]float64{
		"top":  round6(99.9 * 99.5 / 100), // p once (two entries), q capped by deep; soft r and unreviewed z left out
		"p":    99.9,
		"q":    99.5,
		"deep": 99.5,
		"r":    90,
		"bare": 99.9,
	}
	if !reflect.DeepEqual(s.Derived.ComposedAvailability, want) {
		t.Fatalf("composed %v, want %v", s.Derived.ComposedAvailability, want)
	}
	if got := get(t, s.Input("alone.yaml"), "self.composed_availability_percent"); got != nil {
		t.Errorf("no SLO anywhere: %v, want null", got)
	}
	if got := get(t, s.Input("top.yaml"), "dependencies[0].callee.availability_percent"); got != 99.9 {
		t.Errorf("the callee's own objective: %v", got)
	}
}

func TestBlastRadius(t *testing.T) {
	s := build(t, map[string]string{
		"a.yaml":  svc("a", 0, []string{"m:hard:sync:1"}, ""),
		"b.yaml":  svc("b", 0, []string{"m:hard:sync:1", "s:soft:sync:1"}, ""),
		"m.yaml":  svc("m", 1, []string{"db:hard:sync:1", "q:hard:async:1"}, ""),
		"db.yaml": svc("db", 2, []string{"m:hard:sync:1"}, ""),
		"s.yaml":  svc("s", 2, nil, ""),
		"q.yaml":  svc("q", 2, nil, ""),
	})
	want := map[string][]string{"a": {"a"}, "b": {"b"}, "m": {"a", "b"}, "db": {"a", "b"}, "s": {}, "q": {}}
	if !reflect.DeepEqual(s.Derived.BlastRadius, want) {
		t.Fatalf("blast radius %v, want %v", s.Derived.BlastRadius, want)
	}
}

func TestDependencyCallee(t *testing.T) {
	s := build(t, map[string]string{
		"c.yaml": svc("c", 0, []string{"p:hard:sync:2", "p:hard:sync:2", "p:hard:sync:2", "ghost:hard:sync:1"}, ""),
		"p.yaml": svc("p", 2, nil, `apis:
  - name: small
    timeout_ms: 100
  - name: big
    timeout_ms: 5000
  - name: untimed
slos:
  - name: fast
    sli: latency
    threshold_ms: 900
`),
	})
	in := s.Input("c.yaml")
	if got := get(t, in, "dependencies[0].callee.deadline_ms"); got != int64(5000) {
		t.Errorf("no api named: the largest deadline, got %v", got)
	}
	if got := get(t, in, "dependencies[0].callee.api"); got != "big" {
		t.Errorf("api %v", got)
	}
	if got := get(t, in, "dependencies[0].callee.latency_threshold_ms"); got != int64(900) {
		t.Errorf("latency %v", got)
	}
	if got := get(t, in, "dependencies[0].callee.at.line"); got != int64(5) {
		t.Errorf("the callee's position is its service.tier, got line %v", got)
	}
	if get(t, in, "dependencies[3].reviewed") != false || get(t, in, "dependencies[3].callee") != nil {
		t.Errorf("ghost has no review: %v", get(t, in, "dependencies[3]"))
	}
}

func TestNamedAPI(t *testing.T) {
	caller := `format_version: 1
service: {name: c, owner: t, tier: 0}
dependencies:
  - {name: p, api: small, criticality: hard, interaction: sync}
  - {name: p, api: nope, criticality: hard, interaction: sync}
`
	s := build(t, map[string]string{
		"c.yaml": caller,
		"p.yaml": svc("p", 2, nil, "apis:\n  - name: small\n    timeout_ms: 100\n  - name: big\n    timeout_ms: 5000\n"),
	})
	in := s.Input("c.yaml")
	if got := get(t, in, "dependencies[0].callee.deadline_ms"); got != int64(100) {
		t.Errorf("the named API's deadline: %v", got)
	}
	if got := get(t, in, "dependencies[0].callee.deadline_at.line"); got != int64(8) {
		t.Errorf("deadline at line %v", got)
	}
	if get(t, in, "dependencies[1].callee.api") != nil || get(t, in, "dependencies[1].callee.deadline_ms") != nil {
		t.Errorf("an API p does not have: %v", get(t, in, "dependencies[1].callee"))
	}
}

func TestEvents(t *testing.T) {
	s := build(t, map[string]string{
		"pay.yaml": svc("pay", 1, nil, `events:
  publishes:
    - name: paid
      topic: payments
      delivery: at-least-once
      schema: schemas/paid.avsc
    - name: refunded
`),
		"ship.yaml": svc("ship", 1, nil, `events:
  consumes:
    - name: paid
      from: pay
      delivery: exactly-once
    - name: captured
      from: pay
    - name: refunded
    - name: lost
      from: nobody
`),
	})
	ship := s.Input("ship.yaml")
	if got := get(t, ship, "consumes[0].entry.delivery"); got != "at-least-once" {
		t.Errorf("the producer's delivery: %v", got)
	}
	if get(t, ship, "consumes[1].published") != false || get(t, ship, "consumes[1].producer_reviewed") != true {
		t.Errorf("pay does not publish captured: %v", get(t, ship, "consumes[1]"))
	}
	if get(t, ship, "consumes[2].producer.service") != "pay" || get(t, ship, "consumes[2].entry.index") != int64(1) {
		t.Errorf("refunded, no from: found by name: %v", get(t, ship, "consumes[2]"))
	}
	if get(t, ship, "consumes[3].producer_reviewed") != false || get(t, ship, "consumes[3].producer") != nil {
		t.Errorf("nobody has no review: %v", get(t, ship, "consumes[3]"))
	}
	pay := s.Input("pay.yaml")
	if got := get(t, pay, "publishes[0].consumers[0].delivery"); got != "exactly-once" {
		t.Errorf("the consumer's delivery: %v", got)
	}
	if got := get(t, pay, "publishes[0].consumers[0].at.line"); got != int64(8) {
		t.Errorf("the consumer's entry at line %v", got)
	}
	if n := len(get(t, pay, "publishes[1].consumers").([]any)); n != 1 {
		t.Errorf("refunded has %d consumers, want 1", n)
	}
}

func TestDataStoresAndOwner(t *testing.T) {
	store := func(own string) string {
		return "data_stores:\n  - name: orders-db\n    ownership: " + own + "\n    shared_with: [x]\n"
	}
	team := "operations:\n  on_call:\n    rotation: %s\n"
	a := strings.Replace(svc("a", 0, nil, store("exclusive")+fmt.Sprintf(team, "r1")), "team-a", "core", 1)
	b := strings.Replace(svc("b", 0, nil, store("exclusive")+fmt.Sprintf(team, "r2")), "team-b", "core", 1)
	c := strings.Replace(svc("c", 2, nil, store("shared")+fmt.Sprintf(team, "r1")), "team-c", "core", 1)
	s := build(t, map[string]string{"a.yaml": a, "b.yaml": b, "c.yaml": c})
	in := s.Input("a.yaml")
	others := get(t, in, "data_stores[0].others").([]any)
	if len(others) != 2 || get(t, in, "data_stores[0].others[0].service") != "b" || get(t, in, "data_stores[0].others[1].ownership") != "shared" {
		t.Errorf("others %v", others)
	}
	if got := get(t, in, "data_stores[0].others[0].shared_with"); !reflect.DeepEqual(got, []any{"x"}) {
		t.Errorf("shared_with %v", got)
	}
	if n := len(get(t, in, "owner.tier0_services").([]any)); n != 2 {
		t.Errorf("core owns %d tier-0 services, want 2", n)
	}
	if got := get(t, in, "owner.rotations"); !reflect.DeepEqual(got, []any{"r1", "r2"}) {
		t.Errorf("rotations %v", got)
	}
}

func TestDuplicateServiceWarns(t *testing.T) {
	var facts []Facts
	for _, p := range []string{"b/design.yaml", "a/design.yaml"} {
		doc, _ := document.LoadYAML(p, []byte(svc("same", 1, nil, "")))
		f, _ := Extract(doc)
		facts = append(facts, f)
	}
	s, ds := Build(facts)
	if len(ds) != 1 || ds[0].Subject.Filename != "b/design.yaml" || ds[0].Subject.Start.Line != 3 || !strings.Contains(ds[0].Summary, "a/design.yaml") {
		t.Fatalf("diagnostics %v: want one warning at b/design.yaml:3, naming a/design.yaml", ds)
	}
	if len(s.Graph.Services) != 1 || s.Graph.Services[0].File != "a/design.yaml" {
		t.Errorf("graph %+v", s.Graph.Services)
	}
	if s.Input("b/design.yaml") == nil {
		t.Error("the second review still gets its input")
	}
}

// TestInputIsJSONValues: the input is made of the values a document is
// made of, and reads the same after a JSON round trip (what plain OPA
// gets from archvet input), numbers aside.
func TestInputIsJSONValues(t *testing.T) {
	s := build(t, map[string]string{
		"a.yaml": svc("a", 0, []string{"b:hard:sync:2"}, ""),
		"b.yaml": svc("b", 1, []string{"a:hard:sync:2"}, ""),
	})
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case string, bool, int64, float64, nil:
		default:
			t.Errorf("value of type %T in the input", v)
		}
	}
	in := s.Input("b.yaml")
	walk(in)
	if _, err := json.Marshal(in); err != nil {
		t.Fatal(err)
	}
	if s.Input("nope.yaml") != nil {
		t.Error("a review outside the system has no input")
	}
}

func TestDeterministic(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		var deps []string
		for k := 1; k <= 3; k++ {
			deps = append(deps, fmt.Sprintf("s%d:hard:sync:%d", (i*7+k*11)%40, k+1))
		}
		files[fmt.Sprintf("s%02d.yaml", i)] = svc(fmt.Sprintf("s%d", i), i%4, deps, "")
	}
	first, _ := json.Marshal(build(t, files).Derived)
	for range 5 {
		again, _ := json.Marshal(build(t, files).Derived)
		if string(again) != string(first) {
			t.Fatal("two builds of the same reviews differ")
		}
	}
}

// TestListsBounded: forty reviews of one team naming one data store give
// each review at most MaxListed others, and at most MaxListed tier-0
// services of its team.
func TestListsBounded(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		src := strings.Replace(svc(fmt.Sprintf("s%02d", i), 0, nil, "data_stores:\n  - name: shared-db\n    ownership: exclusive\n"), fmt.Sprintf("team-s%02d", i), "one-team", 1)
		files[fmt.Sprintf("s%02d.yaml", i)] = src
	}
	in := build(t, files).Input("s00.yaml")
	if n := len(get(t, in, "data_stores[0].others").([]any)); n != MaxListed {
		t.Errorf("%d others, want %d", n, MaxListed)
	}
	if got := get(t, in, "data_stores[0].others[0].service"); got != "s01" {
		t.Errorf("the first other is %v, want s01", got)
	}
	if n := len(get(t, in, "owner.tier0_services").([]any)); n != MaxListed {
		t.Errorf("%d tier-0 services listed, want %d", n, MaxListed)
	}
	if n := len(get(t, in, "self.blast_radius").([]any)); n != 1 {
		t.Errorf("blast radius %d, want itself", n)
	}
}

package report

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/system"
	"github.com/archvet/archvet/rules"
)

// systemFixture is the golden report with a system section: orders and
// payments (the reported files), and ledger and storefront, two tier-0
// reviews that only gave context and call each other. orders is tier 2
// and calls payments, tier 3, hard and synchronously (a tier inversion,
// at orders.yaml's dependencies[0]), and fraud, which no review names
// (an open question at dependencies[1]).
func systemFixture(t testing.TB) (checks.Report, Options) {
	t.Helper()
	rep, opts := goldenReport(t)
	files := map[string]checks.FileReport{}
	for _, f := range rep.Files {
		files[f.Service] = f
	}
	orders, payments := files["orders"], files["payments"]
	if orders.Path == "" || payments.Path == "" {
		t.Fatal("the golden inputs no longer hold orders and payments")
	}
	inversion := &rules.Rule{ID: "SY001", Title: "Hard synchronous dependency on a less critical tier", Severity: rules.High, Scope: rules.ScopeSystem,
		Frameworks:  []rules.Mapping{{Framework: "ideals", Category: "loose-coupling"}},
		Remediation: "Make the dependency soft or asynchronous, or raise the callee's `service.tier`."}
	unreviewed := &rules.Rule{ID: "SY008", Title: "Dependency without a review in the system", Severity: rules.Medium, Scope: rules.ScopeSystem,
		Frameworks:  []rules.Mapping{{Framework: "production-readiness", Category: "resilience"}},
		Remediation: "Add the callee's design review to the system, or say why it needs none."}
	cycle := &rules.Rule{ID: "SY002", Title: "Synchronous call cycle", Severity: rules.High, Scope: rules.ScopeSystem, Remediation: "Break the cycle."}
	at := func(file string, line, col int) diag.Range {
		return diag.Range{Filename: file, Start: diag.Pos{Line: line, Column: col}, End: diag.Pos{Line: line, Column: col}}
	}
	invFinding := checks.Finding{Message: "orders (tier 2) depends hard and synchronously on payments (tier 3)", Field: "dependencies[0]", Key: "dependencies[payments]", Exact: true, Location: at(orders.Path, 9, 5),
		Related: []checks.Related{{Message: "payments is tier 3", Location: at(payments.Path, 6, 3)}}}
	unrevFinding := checks.Finding{Message: "fraud has no design review in this system", Field: "dependencies[1].name", Key: "dependencies[fraud].name", Exact: true, Location: at(orders.Path, 14, 5)}
	results := []checks.SystemResult{
		{File: orders.Path, RuleResult: checks.RuleResult{Rule: inversion, Status: checks.Fail, Findings: []checks.Finding{invFinding}}},
		{File: "", RuleResult: checks.RuleResult{Rule: cycle, Status: checks.Pass}},
		{File: orders.Path, RuleResult: checks.RuleResult{Rule: unreviewed, Status: checks.Unanswered, Findings: []checks.Finding{unrevFinding}}},
	}
	var rr []checks.RuleResult
	for _, r := range results {
		rr = append(rr, r.RuleResult)
	}
	sc := checks.ScoreResultsAt(rr, 0)
	svc := func(name, file string, tier int) system.Service {
		return system.Service{Name: name, File: file, Tier: tier, At: system.At{File: file, Line: 2, Column: 3}}
	}
	edge := func(from string, i int, to string, attempts int, reviewed bool) system.Edge {
		return system.Edge{From: from, Index: i, To: to, Hard: true, Sync: true, Attempts: attempts, Reviewed: reviewed}
	}
	row := func(f checks.FileReport, blast ...string) checks.SystemService {
		return checks.SystemService{Name: f.Service, File: f.Path, Tier: f.Tier, Reported: true, Score: f.Scorecard.Overall.Score(), Verdict: f.Verdict,
			Completeness: f.Scorecard.Overall.Completeness(), BlastRadius: blast}
	}
	rep.System = &checks.SystemReport{
		Graph: system.Graph{
			Services: []system.Service{svc("ledger", "designs/ledger.yaml", 0), svc("orders", orders.Path, orders.Tier), svc("payments", payments.Path, payments.Tier), svc("storefront", "designs/storefront.yaml", 0)},
			Edges: []system.Edge{
				edge("ledger", 0, "storefront", 1, true), edge("ledger", 1, "payments", 2, true),
				edge("orders", 0, "payments", 3, true), edge("orders", 1, "fraud", 1, false),
				edge("payments", 0, "acquirer", 2, false),
				edge("storefront", 0, "ledger", 1, true), edge("storefront", 1, "orders", 2, true),
			},
		},
		Derived: system.Derived{
			Cycles:               [][]string{{"ledger", "storefront"}},
			ComposedAvailability: map[string]float64{"orders": 99.5, "payments": 99.9},
			Amplification:        map[string]int{"orders/0": 6, "storefront/1": 12},
			BlastRadius:          map[string][]string{"ledger": {"ledger", "storefront"}, "orders": {"ledger", "storefront"}, "payments": {"ledger", "storefront"}, "storefront": {"ledger", "storefront"}},
		},
		Scorecard: sc,
		Verdict:   checks.Judge(sc),
		Results:   results,
		Services: []checks.SystemService{
			{Name: "ledger", File: "designs/ledger.yaml", Tier: 0, BlastRadius: []string{"ledger", "storefront"}},
			row(orders, "ledger", "storefront"), row(payments, "ledger", "storefront"),
			{Name: "storefront", File: "designs/storefront.yaml", Tier: 0, BlastRadius: []string{"ledger", "storefront"}},
		},
	}
	rep.System.Findings = []checks.SystemFinding{
		{File: orders.Path, Result: &rep.System.Results[0], Finding: invFinding},
		{File: orders.Path, Result: &rep.System.Results[2], Finding: unrevFinding},
	}
	return rep, opts
}

// TestSystemGolden renders the system fixture in every format and
// compares it with testdata/golden/system. The HTML page is compared
// only where it differs from the base page (TestSystemHTMLGolden).
func TestSystemGolden(t *testing.T) {
	rep, opts := systemFixture(t)
	for _, name := range Names() {
		if name == "html" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			compareGolden(t, name, filepath.Join("testdata", "golden", "system", name+"."+goldenExt[name]), render(t, name, rep, opts))
		})
	}
}

// TestSystemSectionShows checks, format by format, what a reader must
// find: the score and verdict, every service with its blast radius, the
// finding at its place, and the graph where the format draws one.
func TestSystemSectionShows(t *testing.T) {
	rep, opts := systemFixture(t)
	verdict := string(rep.System.Verdict)
	for name, wants := range map[string][]string{
		"text":     {"System: 4 services, 7 dependencies", verdict, "testdata/orders.yaml:9:5", "related: testdata/payments.hcl:6:3 payments is tier 3", "SY001", "ledger, storefront", "synchronous cycle: ledger → storefront → ledger"},
		"markdown": {"System:", "```mermaid", "==>", "| storefront | 0 |", "SY001", "`testdata/orders.yaml:9:5`", "(related: `testdata/payments.hcl:6:3` payments is tier 3)"},
		"html":     {`<section class="file system" id="system">`, `<svg class="system-graph"`, `stroke="#c0392b" stroke-width="3"`, "SY001", "related: <code>testdata/payments.hcl:6:3</code> payments is tier 3", "context only", "ledger, storefront"},
		"junit":    {`<testsuite name="system"`, "related: testdata/payments.hcl:6:3: payments is tier 3", `classname="system" name="SY001`, "testdata/orders.yaml:9:5: orders (tier 2)"},
		"github":   {"archvet: system of 4 services"},
		"sarif":    {`"system": {`, `"blast_radius": [`},
	} {
		out := string(render(t, name, rep, opts))
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the system section lacks %q", name, w)
			}
		}
	}
	// No system, no section.
	plain, opts := goldenReport(t)
	for _, name := range Names() {
		out := string(render(t, name, plain, opts))
		if strings.Contains(out, `<svg class="system-graph"`) || strings.Contains(out, `"system"`) || strings.Contains(out, "System:") {
			t.Errorf("%s writes a system section for a run that is no system", name)
		}
	}
}

// TestSystemJSON decodes the JSON report's system object and checks it
// against the fixture: the model documented in docs/report-json.md.
func TestSystemJSON(t *testing.T) {
	rep, opts := systemFixture(t)
	out := render(t, "json", rep, opts)
	var doc struct {
		System *struct {
			Verdict      string
			Score        *float64
			Services     []JSONSystemService
			Dependencies []JSONSystemDependency
			Cycles       [][]string
			Findings     []struct {
				File, Service, Rule, Status, Message string
				Dependency                           string
				Location                             JSONLocation
			}
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.System
	if s == nil {
		t.Fatal("no system object")
	}
	if s.Verdict != string(rep.System.Verdict) || s.Score == nil || len(s.Services) != 4 || len(s.Dependencies) != 7 || len(s.Findings) != 2 || len(s.Cycles) != 1 {
		t.Fatalf("system object %+v", s)
	}
	var failing []string
	for _, d := range s.Dependencies {
		if d.Failing {
			failing = append(failing, fmt.Sprintf("%s/%d", d.From, d.Index))
		}
	}
	if strings.Join(failing, ",") != "orders/0" {
		t.Errorf("failing dependencies %v, want orders/0 (the open question at orders/1 is no failure)", failing)
	}
	f := s.Findings[0]
	if f.Rule != "SY001" || f.Status != "fail" || f.Dependency != "orders/0" || f.Service != "orders" || f.Location.Line != 9 || f.Location.Key != "dependencies[payments]" {
		t.Errorf("first finding %+v", f)
	}
	if f := s.Findings[1]; f.Status != "unanswered" || f.Dependency != "orders/1" {
		t.Errorf("second finding %+v", f)
	}
	for _, sv := range s.Services {
		if sv.Name == "ledger" && (sv.Reported || sv.Score != nil || len(sv.BlastRadius) != 2) {
			t.Errorf("context-only ledger reads %+v", sv)
		}
		if sv.Name == "orders" && (sv.Findings != 2 || sv.ComposedAvailability == nil || *sv.ComposedAvailability != 99.5) {
			t.Errorf("orders reads %+v", sv)
		}
	}
	// The stream writes the system Build builds.
	want, err := json.Marshal(Build(rep))
	if err != nil {
		t.Fatal(err)
	}
	var a, b map[string]any
	if err := json.Unmarshal(want, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, a["system"]) != mustJSON(t, b["system"]) {
		t.Error("the streamed JSON report differs from Build's")
	}
}

// TestJSONSystemStreamed checks that the system section, written a list
// element at a time, is byte for byte the JSON model encoded whole, with
// its lists full and empty: a member added to JSONSystem and not to the
// stream fails here.
func TestJSONSystemStreamed(t *testing.T) {
	full, opts := systemFixture(t)
	empty, _ := systemFixture(t)
	empty.System.Findings, empty.System.Derived.Cycles = nil, nil
	for name, rep := range map[string]checks.Report{"full": full, "no findings or cycles": empty} {
		t.Run(name, func(t *testing.T) {
			out := render(t, "json", rep, opts)
			var w jsonWriter
			want := "\"system\": " + string(w.indented(buildSystem(rep.System).json, "  ")) + ",\n  \"summary\""
			if !strings.Contains(string(out), want) {
				t.Errorf("the streamed system section is not the model encoded whole:\n%s\nwant it to contain\n%s", out, want)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSystemHostileNames gives the services names that try to break out
// of each format and checks that none does.
func TestSystemHostileNames(t *testing.T) {
	rep, opts := systemFixture(t)
	evil := "x\"><script>alert(1)</script>\n```\n@team"
	rep.System.Graph.Services[0].Name = evil
	rep.System.Services[0].Name = evil
	rep.System.Graph.Edges[0].From, rep.System.Graph.Edges[1].From, rep.System.Graph.Edges[5].To = evil, evil, evil
	rep.System.Derived.Cycles = [][]string{{evil, "storefront"}}
	rep.System.Services[1].BlastRadius = []string{evil}
	html := string(render(t, "html", rep, opts))
	if strings.Contains(html, "<script>") {
		t.Error("the HTML report carries a script element")
	}
	md := string(render(t, "markdown", rep, opts))
	if n := strings.Count(md, "```"); n != 2 {
		t.Errorf("the Markdown has %d code fences, want the diagram's 2", n)
	}
	if strings.Contains(md, "<script>") || strings.Contains(md, " @team") {
		t.Error("hostile text survived in the Markdown")
	}
	if err := xml.Unmarshal(render(t, "junit", rep, opts), new(struct{})); err != nil {
		t.Errorf("JUnit is not XML: %v", err)
	}
	text := string(render(t, "text", rep, opts))
	if regexp.MustCompile("(?m)^```").MatchString(text) || strings.Contains(text, "x\"><script>alert(1)</script>\n") {
		t.Error("a name's newline survived in the text report")
	}
}

// TestSystemLargeGraph grows the fixture to 120 services: the HTML page
// then draws the neighbourhood of the failing finding and says so, and
// the Markdown diagram stays within its bound.
func TestSystemLargeGraph(t *testing.T) {
	rep, opts := systemFixture(t)
	s := rep.System
	for i := range 116 {
		name := fmt.Sprintf("extra-%03d", i)
		s.Graph.Services = append(s.Graph.Services, system.Service{Name: name, File: name + ".yaml", Tier: i % 4})
		s.Services = append(s.Services, checks.SystemService{Name: name, File: name + ".yaml", Tier: i % 4})
		to := "orders"
		if i > 0 {
			to = fmt.Sprintf("extra-%03d", i-1)
		}
		s.Graph.Edges = append(s.Graph.Edges, system.Edge{From: name, To: to, Hard: true, Sync: true, Attempts: 1, Reviewed: true})
	}
	html := string(render(t, "html", rep, opts))
	if !strings.Contains(html, "The system has 120 services, too many to draw readably: the graph shows the 1 with system findings and their neighbours (4 services).") {
		t.Error("the HTML page does not say which part of a large system it draws")
	}
	if n := strings.Count(html, `rx="6"`); n != 5 {
		t.Errorf("the HTML graph has %d boxes, want 5: orders, payments, storefront, extra-000 and the unreviewed fraud", n)
	}
	md := string(render(t, "markdown", rep, opts))
	if !strings.Contains(md, "(4 of 120 services)") {
		t.Error("the Markdown diagram does not say how much of the system it shows")
	}
}

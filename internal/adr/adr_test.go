package adr

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/diag"
)

func TestSlug(t *testing.T) {
	for title, want := range map[string]string{
		"PostgreSQL for orders":                                "postgresql-for-orders",
		"Strong consistency for orders, sagas across services": "strong-consistency-for-orders-sagas-across-services",
		"  Use gRPC (v2) -- internally!  ":                     "use-grpc-v2-internally",
		"Café au lait":                                         "café-au-lait",
		"???":                                                  "decision",
		"Should the service integrate with its dependencies by request/response, by events, or by a mix?": "should-the-service-integrate-with-its-dependencies-by",
	} {
		if got := Slug(title); got != want {
			t.Errorf("Slug(%q) = %q, want %q", title, got, want)
		}
	}
}

func input() Input {
	return Input{
		Design: "design.yaml", Service: "checkout", Owner: "team-checkout", Date: "2026-11-23",
		Decisions: []Decision{
			{ID: "ADR-0001", Title: "Buy payments", Status: "accepted", Date: "2025-11-03", Options: []string{"build", "buy"},
				Outcome: "Buy a gateway.", Revisit: "2027-11-01"},
			{ID: "ADR-0002", Title: "Sagas across services"},
		},
		Needed: []Needed{{
			RuleID: "ID014", RuleTitle: "The integration style is a decision", Description: "Why it matters.",
			Topic: "integration-style", Question: "Sync or async?", Drivers: []string{"latency"},
			Options:  []Option{{Name: "sync", Pros: []string{"simple"}, Cons: []string{"coupled"}}, {Name: "async"}},
			Findings: []Finding{{Message: "all calls are sync", Location: diag.Range{Filename: "design.yaml", Start: diag.Pos{Line: 4, Column: 1}}}},
		}},
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func TestPlanNumbersAfterExistingAndIsIdempotent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "docs", "adr")
	write(t, filepath.Join(dir, "0007-an-older-decision.md"), "# 7. An older decision\n")
	write(t, filepath.Join(dir, "notes.txt"), "not an ADR\n")
	plan, err := NewPlan(dir, input(), MADR)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range plan.Created() {
		names = append(names, filepath.Base(f.Path))
	}
	want := "0008-buy-payments.md 0009-sagas-across-services.md 0010-sync-or-async.md"
	if strings.Join(names, " ") != want {
		t.Fatalf("plan creates %v, want %s", names, want)
	}
	if _, err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	again, err := NewPlan(dir, input(), MADR)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(again.Created()); n != 0 {
		t.Fatalf("a second run would create %d files", n)
	}
	if done, err := again.Write(); err != nil || len(done) != 0 {
		t.Fatal(done, err)
	}
	after := snapshot(t, dir)
	if len(before) != len(after) {
		t.Fatalf("the directory changed: %d files, then %d", len(before), len(after))
	}
	for name, text := range before {
		if after[name] != text {
			t.Errorf("%s changed on the second run", name)
		}
	}
	// The ADRs were renumbered by hand: the markers still recognise them.
	os.Rename(filepath.Join(dir, "0008-buy-payments.md"), filepath.Join(dir, "0042-payments.md"))
	third, _ := NewPlan(dir, input(), MADR)
	if n := len(third.Created()); n != 0 {
		t.Errorf("after a rename, a run would create %d files", n)
	}
}

func TestPlanSkipsDecisionsWithTheirOwnRecord(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "adr", "0003-buy.md"), "# Buy\n")
	in := input()
	in.Design = filepath.Join(root, "design.yaml")
	in.Decisions[0].Record = "adr/0003-buy.md"
	plan, err := NewPlan(filepath.Join(root, "out"), in, MADR)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Files[0].Exists || plan.Files[0].Path != filepath.Join(root, "adr", "0003-buy.md") {
		t.Errorf("a decision with an existing record gets a new ADR: %+v", plan.Files[0])
	}
	if got := filepath.Base(plan.Created()[0].Path); got != "0001-sagas-across-services.md" {
		t.Errorf("first new ADR is %s", got)
	}
}

func TestMADR(t *testing.T) {
	t.Chdir(t.TempDir())
	dir := filepath.Join("docs", "adr")
	plan, err := NewPlan(dir, input(), MADR)
	if err != nil {
		t.Fatal(err)
	}
	dec, needed := string(plan.Files[0].Content), string(plan.Files[2].Content)
	for _, want := range []string{
		"---\nstatus: accepted\ndate: 2025-11-03\ndecision-makers: team-checkout\n---\n\n# Buy payments\n",
		"## Context and Problem Statement\n", "## Decision Drivers\n", "## Considered Options\n\n* build\n* buy\n",
		"## Decision Outcome\n\nChosen option: Buy a gateway.\n", "### Consequences\n",
		"Revisit this decision by 2027-11-01.", "[design.yaml](../../design.yaml)",
		"<!-- archvet:decision=ADR-0001 service=checkout -->\n",
	} {
		if !strings.Contains(dec, want) {
			t.Errorf("decision ADR lacks %q:\n%s", want, dec)
		}
	}
	for _, want := range []string{
		"status: proposed\ndate: 2026-11-23\n", "# Sync or async?\n",
		"archvet rule ID014 (The integration style is a decision) finds this decision open",
		"* all calls are sync (../../design.yaml:4:1)", "* latency\n", "* sync\n* async\n",
		"### sync\n\n* Good, because simple\n* Bad, because coupled\n", "`archvet explain ID014`",
		"<!-- archvet:rule=ID014 service=checkout -->\n",
	} {
		if !strings.Contains(needed, want) {
			t.Errorf("decision-needed ADR lacks %q:\n%s", want, needed)
		}
	}
	if undecided := string(plan.Files[1].Content); !strings.Contains(undecided, "status: proposed") {
		t.Errorf("a decision without a status is not proposed:\n%s", undecided)
	}
}

func TestNygard(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "adr")
	write(t, filepath.Join(dir, "0001-record-architecture-decisions.md"), "# 1. Record architecture decisions\n")
	plan, err := NewPlan(dir, input(), Nygard)
	if err != nil {
		t.Fatal(err)
	}
	text := string(plan.Files[0].Content)
	if !strings.HasPrefix(text, "# 2. Buy payments\n\nDate: 2025-11-03\n\n## Status\n\nAccepted\n\n## Context\n") {
		t.Errorf("not a Nygard ADR:\n%s", text)
	}
	for _, h := range []string{"\n## Decision\n\nBuy a gateway.\n", "\n## Consequences\n", "<!-- archvet:decision=ADR-0001 service=checkout -->"} {
		if !strings.Contains(text, h) {
			t.Errorf("Nygard ADR lacks %q:\n%s", h, text)
		}
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	plan, err := NewPlan(dir, input(), MADR)
	if err != nil {
		t.Fatal(err)
	}
	// Someone else takes the second name between planning and writing.
	taken := plan.Files[1].Path
	write(t, taken, "mine\n")
	done, err := plan.Write()
	if err == nil || len(done) != 1 {
		t.Fatalf("want an error after one file, got %d files, %v", len(done), err)
	}
	if b, _ := os.ReadFile(taken); string(b) != "mine\n" {
		t.Errorf("%s was overwritten", taken)
	}
}

func TestFindDir(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	dir, from, err := FindDir(sub)
	if err != nil || dir != filepath.Join(sub, "docs", "adr") || from != "" {
		t.Errorf("without .adr-dir: %s %q %v", dir, from, err)
	}
	write(t, filepath.Join(root, ".adr-dir"), "doc/architecture/decisions\n")
	dir, from, err = FindDir(sub)
	if err != nil || dir != filepath.Join(root, "doc", "architecture", "decisions") || from != filepath.Join(root, ".adr-dir") {
		t.Errorf("with a parent's .adr-dir: %s %q %v", dir, from, err)
	}
	// Relative paths stay relative to the working directory.
	t.Chdir(sub)
	dir, from, err = FindDir(".")
	if err != nil || dir != filepath.Join("..", "..", "doc", "architecture", "decisions") || from != filepath.Join("..", "..", ".adr-dir") {
		t.Errorf("relative: %s %q %v", dir, from, err)
	}
}

func TestParseTemplate(t *testing.T) {
	if tm, err := ParseTemplate("Nygard"); err != nil || tm != Nygard {
		t.Error(tm, err)
	}
	if _, err := ParseTemplate("y-statement"); err == nil {
		t.Error("unknown template accepted")
	}
}

func TestPlanWritesOneADRPerDecision(t *testing.T) {
	in := input()
	in.Decisions = append(in.Decisions, in.Decisions[0])
	plan, err := NewPlan(t.TempDir(), in, MADR)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(plan.Created()); n != 3 {
		t.Errorf("a decision listed twice gives %d new ADRs in all, want 3", n)
	}
}

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

// planNames plans the ADRs of input() in dir and lists the files it
// would create.
func planNames(t *testing.T, dir string) (*Plan, string) {
	t.Helper()
	plan, err := NewPlan(dir, input(), MADR)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range plan.Created() {
		names = append(names, filepath.Base(f.Path))
	}
	return plan, strings.Join(names, " ")
}

func TestPlanNumbersAfterExistingAndIsIdempotent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "docs", "adr")
	write(t, filepath.Join(dir, "0007-an-older-decision.md"), "# 7. An older decision\n")
	write(t, filepath.Join(dir, "notes.txt"), "not an ADR\n")
	plan, names := planNames(t, dir)
	want := "0008-buy-payments.md 0009-sagas-across-services.md 0010-sync-or-async.md"
	if names != want {
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
	dec, undecided, needed := string(plan.Files[0].Content), string(plan.Files[1].Content), string(plan.Files[2].Content)
	// adr-tools takes line 1, minus "# ", as the title (adr list, adr
	// generate toc, the text of links to the ADR).
	if !strings.HasPrefix(dec, "# Buy payments\n\n* Status: accepted\n* Date: 2025-11-03\n* Deciders: team-checkout\n* Number: 1\n* Review id: ADR-0001\n\n") {
		t.Errorf("decision ADR does not start with its title and metadata:\n%s", dec)
	}
	for _, want := range []string{
		"## Considered Options\n\n* build\n* buy\n",
		// The chosen option is one of the listed ones; the review's own
		// words follow it.
		"## Decision Outcome\n\nChosen option: \"buy\".\n\nBuy a gateway.\n",
		"Revisit this decision by 2027-11-01.", "[design.yaml](../../design.yaml) records this decision under review id ADR-0001.",
		"<!-- archvet:decision=ADR-0001 service=checkout -->\n",
	} {
		if !strings.Contains(dec, want) {
			t.Errorf("decision ADR lacks %q:\n%s", want, dec)
		}
	}
	// Nothing recorded, nothing written: no placeholder sections.
	for _, absent := range []string{"## Context and Problem Statement", "## Decision Drivers", "### Consequences", "None recorded", "Not recorded", "---"} {
		if strings.Contains(dec, absent) {
			t.Errorf("decision ADR holds %q though the review records nothing for it:\n%s", absent, dec)
		}
	}
	for _, want := range []string{
		"* Status: proposed\n", "## Decision Outcome\n\nChosen option: not decided yet.\n",
	} {
		if !strings.Contains(undecided, want) {
			t.Errorf("a decision without a status lacks %q:\n%s", want, undecided)
		}
	}
	if strings.Contains(undecided, "## Considered Options") {
		t.Errorf("a decision without options lists options:\n%s", undecided)
	}
	for _, want := range []string{
		"# Sync or async?\n\n* Status: proposed\n* Date: 2026-11-23\n",
		"archvet rule ID014 (The integration style is a decision) finds this decision open",
		"* all calls are sync (../../design.yaml:4:1)", "## Decision Drivers\n\n* latency\n", "* sync\n* async\n",
		"Chosen option: not decided yet. Choose one of the options above",
		"## Pros and Cons of the Options\n\n### sync\n\n* Good, because simple\n* Bad, because coupled\n\n## More Information",
		"`archvet explain ID014`",
		"<!-- archvet:rule=ID014 service=checkout -->\n",
	} {
		if !strings.Contains(needed, want) {
			t.Errorf("decision-needed ADR lacks %q:\n%s", want, needed)
		}
	}
	// async has no pros or cons: it gets no empty subsection.
	if strings.Contains(needed, "### async") {
		t.Errorf("an option without pros or cons has a section:\n%s", needed)
	}
}

func TestMADRChosenOption(t *testing.T) {
	for _, c := range []struct {
		options []string
		outcome string
		want    int
	}{
		{[]string{"build on an acquirer API", "buy a payments gateway"}, "Use a payments gateway with tokenised cards.", 1},
		{[]string{"two-phase commit across services", "saga with compensations", "single shared database"},
			"Keep order writes strongly consistent in one database and coordinate payment and fulfilment with a saga.", 1},
		{[]string{"Kafka", "RabbitMQ"}, "We go with rabbitmq.", 1},
		{[]string{"build", "buy"}, "Something else entirely.", -1},
		{[]string{"managed postgres", "managed mysql"}, "managed", -1},
		{nil, "Anything", -1},
	} {
		if got := choose(c.options, c.outcome); got != c.want {
			t.Errorf("choose(%q, %q) = %d, want %d", c.options, c.outcome, got, c.want)
		}
	}
	// An outcome that is none of the options is listed with them, so the
	// chosen option is still one of the considered ones.
	in := input()
	in.Decisions[0].Options = []string{"build", "lease"}
	in.Decisions[0].Outcome = "Buy a gateway."
	plan, err := NewPlan(t.TempDir(), in, MADR)
	if err != nil {
		t.Fatal(err)
	}
	text := string(plan.Files[0].Content)
	if !strings.Contains(text, "* build\n* lease\n* Buy a gateway.\n") || !strings.Contains(text, "Chosen option: \"Buy a gateway.\".\n") {
		t.Errorf("the outcome is not among the considered options:\n%s", text)
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

// tree makes a repository (a .git directory) holding the given files;
// a name ending in / is a directory.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range append([]string{".git/"}, files...) {
		p := filepath.Join(root, filepath.FromSlash(f))
		if strings.HasSuffix(f, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		name, text, _ := strings.Cut(f, "=")
		write(t, filepath.Join(root, filepath.FromSlash(name)), text+"\n")
	}
	return root
}

func TestFindDir(t *testing.T) {
	for _, c := range []struct {
		name      string
		files     []string
		cwd       string // relative to the root
		dir, from string // dir relative to cwd
	}{
		// Nothing anywhere: a new docs/adr at the repository root, not
		// under the directory archvet runs from.
		{"default", []string{"design/"}, "design", "../docs/adr", "the default, at the repository root"},
		// An adr-tools tree set up with plain `adr init`: doc/adr and no
		// .adr-dir, found from a subdirectory as adr-tools finds it.
		{"adr-tools doc/adr", []string{"doc/adr/0001-record-architecture-decisions.md=# 1. Record architecture decisions", "design/"},
			"design", "../doc/adr", "an existing doc/adr, as adr-tools picks it"},
		{".adr-dir in a parent", []string{".adr-dir=doc/architecture/decisions", "a/b/", "doc/adr/"},
			"a/b", "../../doc/architecture/decisions", "../../.adr-dir"},
		// The nearer of the two wins, whichever kind it is.
		{"nearer doc/adr", []string{".adr-dir=elsewhere", "svc/doc/adr/", "svc/x/"}, "svc/x", "../doc/adr", "an existing doc/adr, as adr-tools picks it"},
		{"docs/adr", []string{"docs/adr/", "docs/decisions/", "design/"}, "design", "../docs/adr", "an existing docs/adr"},
		{"MADR docs/decisions", []string{"docs/decisions/0000-use-markdown-architectural-decision-records.md=# Use MADR"}, ".", "docs/decisions", "an existing docs/decisions"},
		{"log4brains", []string{".log4brains.yml=project:\n  name: x\n  adrFolder: ./architecture/adr", "docs/adr/"}, ".", "architecture/adr", ".log4brains.yml"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := tree(t, c.files...)
			t.Chdir(filepath.Join(root, filepath.FromSlash(c.cwd)))
			dir, from, err := FindDir(".")
			if err != nil || dir != filepath.FromSlash(c.dir) || from != filepath.FromSlash(c.from) {
				t.Errorf("FindDir = %s, %q, %v; want %s, %q", dir, from, err, c.dir, c.from)
			}
		})
	}
}

// An .adr-dir above the repository is not the repository's: a file
// planted in a shared parent directory must not redirect the ADRs.
func TestFindDirStopsAtTheRepositoryRoot(t *testing.T) {
	outer := t.TempDir()
	write(t, filepath.Join(outer, ".adr-dir"), "/tmp/elsewhere\n")
	root := filepath.Join(outer, "repo")
	write(t, filepath.Join(root, ".git", "HEAD"), "ref: refs/heads/main\n")
	t.Chdir(root)
	dir, from, err := FindDir(".")
	if err != nil || dir != filepath.Join("docs", "adr") || from != "the default, at the repository root" {
		t.Errorf("FindDir = %s, %q, %v", dir, from, err)
	}
}

func TestFindDirRefusesOversizedAdrDir(t *testing.T) {
	root := tree(t)
	f, err := os.Create(filepath.Join(root, ".adr-dir"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	t.Chdir(root)
	_, _, err = FindDir(".")
	if err == nil || !strings.Contains(err.Error(), ".adr-dir is 1073741824 bytes, over the 65536-byte limit; it should hold the path of the ADR directory") {
		t.Errorf("a 1 GiB .adr-dir: %v", err)
	}
}

// ADR numbering counts any number of leading digits, as adr-tools does,
// and goes on with the directory's own width. The directory is shaped like
// a real one kept with three-digit names, with gaps.
func TestPlanKeepsTheDirectoryWidth(t *testing.T) {
	for _, c := range []struct {
		name  string
		files []string
		first string
	}{
		{"three digits", []string{"001-record-architecture-decisions.md", "003-use-a-monorepo.md", "004-adopt-openapi.md", "031-retire-the-batch-importer.md", "README.md"}, "032-buy-payments.md"},
		{"two digits", []string{"12-use-kafka.md", "9-old.md"}, "13-buy-payments.md"},
		{"four digits", []string{"0001-record-architecture-decisions.md"}, "0002-buy-payments.md"},
		// MADR keeps its template and an index beside the numbered files.
		{"MADR", []string{"0000-use-markdown-architectural-decision-records.md", "0018-x.md", "adr-template.md", "index.md"}, "0019-buy-payments.md"},
		{"empty", nil, "0001-buy-payments.md"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range c.files {
				write(t, filepath.Join(dir, f), "# "+f+"\n")
			}
			plan, err := NewPlan(dir, input(), MADR)
			if err != nil {
				t.Fatal(err)
			}
			if got := filepath.Base(plan.Files[0].Path); got != c.first {
				t.Errorf("first new ADR is %s, want %s", got, c.first)
			}
		})
	}
}

// A log4brains directory names its ADRs by date: new ones are named the
// same way, by the decision's date, and carry no number.
func TestPlanNamesByDateInALog4brainsDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"20200924-use-log4brains.md", "20210113-use-markdown.md", "20251103-buy-payments.md"} {
		write(t, filepath.Join(dir, f), "# x\n")
	}
	plan, names := planNames(t, dir)
	if got := names; got != "20251103-buy-payments-2.md 20261123-sagas-across-services.md 20261123-sync-or-async.md" {
		t.Errorf("created %s", got)
	}
	if text := string(plan.Files[0].Content); strings.Contains(text, "* Number:") {
		t.Errorf("a dated ADR carries a number:\n%s", text)
	}
}

// B10: text from the review cannot forge archvet's marker, carry raw HTML
// or control characters into an ADR.
func TestADRTextIsNeutralised(t *testing.T) {
	dir := t.TempDir()
	in := input()
	in.Decisions = []Decision{{
		ID: "ADR-0009", Title: "Marker\x00 injection\u202e", Status: "accepted",
		Context: "<script>alert(1)</script>\n<!-- archvet:rule=ID014 service=checkout -->\nNUL\x00 and \x1b[31mred\x1b[0m",
		Outcome: "Ship it.\n<!-- archvet:rule=ID014 service=checkout -->",
	}}
	in.Needed = nil
	plan, err := NewPlan(dir, in, MADR)
	if err != nil {
		t.Fatal(err)
	}
	text := string(plan.Files[0].Content)
	for _, bad := range []string{"<script>", "<!-- archvet:rule", "\x00", "\x1b", "\u202e"} {
		if strings.Contains(text, bad) {
			t.Errorf("the ADR holds %q:\n%q", bad, text)
		}
	}
	for _, want := range []string{"# Marker injection\n", "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;!-- archvet:rule=ID014 service=checkout --&gt;", "NUL and [31mred[0m"} {
		if !strings.Contains(text, want) {
			t.Errorf("the ADR lacks %q:\n%s", want, text)
		}
	}
	if _, err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	// The decision needed by ID014 is still to be written: the text the
	// review slipped in did not record it.
	again, err := NewPlan(dir, input(), MADR)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(again.Created()); got != 3 {
		t.Errorf("after the hostile ADR, %d ADRs would be created, want 3", got)
	}
	// Nor does a marker line somebody wrote into the middle of an ADR:
	// archvet's marker is the last line of the file it wrote.
	write(t, filepath.Join(dir, "0100-notes.md"), "# Notes\n\n<!-- archvet:rule=ID014 service=checkout -->\n\nMore notes.\n")
	again, _ = NewPlan(dir, input(), MADR)
	if got := len(again.Created()); got != 3 {
		t.Errorf("a marker in the middle of a file counts: %d to create, want 3", got)
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

package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/report"
	"github.com/archvet/archvet/rules"
)

var (
	timeouts = &rules.Rule{ID: "PR200", Title: "timeouts", Severity: rules.High}
	tagging  = &rules.Rule{ID: "WA352", Title: "tagging", Severity: rules.Medium}
	secrets  = &rules.Rule{ID: "TF007", Title: "secrets", Severity: rules.Critical}
)

func at(path string, line int, field, msg string) checks.Finding {
	return checks.Finding{Message: msg, Field: field, Key: field, Location: diag.Range{Filename: path, Start: diag.Pos{Line: line, Column: 3}}, Exact: true}
}

// inRepo makes the working directory a fresh repository root (a directory
// holding .git), so the paths a baseline records do not depend on where
// the test's source lives.
func inRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

// design builds a one-file report: PR200 fails once per field given,
// WA352 fails once, TF007 passes.
func design(path string, line int, timeoutFields ...string) checks.FileReport {
	f := checks.FileReport{Path: path, Service: "svc"}
	pr200 := checks.RuleResult{Rule: timeouts, Status: checks.Pass}
	for i, fld := range timeoutFields {
		pr200.Findings = append(pr200.Findings, at(path, line+i, fld, "no timeout for "+fld))
	}
	if len(pr200.Findings) > 0 {
		pr200.Status = checks.Fail
	}
	f.Results = []checks.RuleResult{
		pr200,
		{Rule: tagging, Status: checks.Fail, Findings: []checks.Finding{at(path, 2, "cost.tagging", "untagged")}},
		{Rule: secrets, Status: checks.Pass},
	}
	f.Scorecard = checks.ScoreResults(f.Results)
	return f
}

func TestFromReport(t *testing.T) {
	inRepo(t)
	rep := checks.Report{Files: []checks.FileReport{
		design("b.yaml", 10, "dependencies[0].timeout_ms"),
		design("a.yaml", 10, "dependencies[1].timeout_ms", "dependencies[0].timeout_ms"),
		{Path: "broken.yaml", Broken: true},
	}}
	b := FromReport(rep, "")
	var got []string
	for _, e := range b.Findings {
		got = append(got, e.Path+" "+e.Rule+" "+e.Field)
		if e.Fingerprint != report.Fingerprint(e.Path, e.Rule, e.Key) {
			t.Errorf("%s: fingerprint %s is not report.Fingerprint", e.Rule, e.Fingerprint)
		}
	}
	want := []string{
		"a.yaml PR200 dependencies[0].timeout_ms", "a.yaml PR200 dependencies[1].timeout_ms", "a.yaml WA352 cost.tagging",
		"b.yaml PR200 dependencies[0].timeout_ms", "b.yaml WA352 cost.tagging",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("baseline entries:\n got %q\nwant %q", got, want)
	}
	if b.Version != Version || b.Tool != "archvet" {
		t.Errorf("header %d %q", b.Version, b.Tool)
	}
}

func TestWaivedFindingsAreNotBaselined(t *testing.T) {
	f := design("a.yaml", 10, "dependencies[0].timeout_ms")
	f.Results[0].Findings[0].Waiver = &checks.Waiver{Rule: "PR200", Expires: "2099-01-01"}
	f.Results[0].Status = checks.Waived
	b := FromReport(checks.Report{Files: []checks.FileReport{f}}, "")
	for _, e := range b.Findings {
		if e.Rule == "PR200" {
			t.Error("a waived finding was written to the baseline")
		}
	}
}

func TestCompare(t *testing.T) {
	inRepo(t)
	base := FromReport(checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "dependencies[0].timeout_ms")}}, "")

	t.Run("unchanged, lines moved", func(t *testing.T) {
		c := Compare(base, checks.Report{Files: []checks.FileReport{design("a.yaml", 40, "dependencies[0].timeout_ms")}}, "")
		if len(c.New) != 0 || len(c.Present) != 2 || len(c.Fixed) != 0 {
			t.Errorf("new %d, present %d, fixed %d", len(c.New), len(c.Present), len(c.Fixed))
		}
	})
	t.Run("one new", func(t *testing.T) {
		rep := checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "dependencies[0].timeout_ms", "dependencies[1].timeout_ms")}}
		c := Compare(base, rep, "")
		if len(c.New) != 1 || c.New[0].Field != "dependencies[1].timeout_ms" || len(c.Present) != 2 || len(c.Fixed) != 0 {
			t.Fatalf("new %v, present %d, fixed %d", c.New, len(c.Present), len(c.Fixed))
		}
		s := c.Summary("archvet-baseline.json")
		if s.New != 1 || s.Present != 2 || !s.NewFindings[report.FindingRef{Path: "a.yaml", Rule: "PR200", Index: 1}] || len(s.NewFindings) != 1 {
			t.Errorf("summary %+v", s)
		}
	})
	t.Run("one fixed", func(t *testing.T) {
		c := Compare(base, checks.Report{Files: []checks.FileReport{design("a.yaml", 10)}}, "")
		if len(c.New) != 0 || len(c.Present) != 1 || len(c.Fixed) != 1 || c.Fixed[0].Rule != "PR200" {
			t.Errorf("new %d, present %d, fixed %v", len(c.New), len(c.Present), c.Fixed)
		}
	})
	t.Run("files outside the run are not fixed", func(t *testing.T) {
		c := Compare(base, checks.Report{Files: []checks.FileReport{design("other.yaml", 10)}}, "")
		if len(c.Fixed) != 0 || len(c.New) != 1 {
			t.Errorf("new %d, fixed %d", len(c.New), len(c.Fixed))
		}
	})
	t.Run("repeats are matched by count", func(t *testing.T) {
		twice := FromReport(checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "x", "x")}}, "")
		c := Compare(twice, checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "x", "x", "x")}}, "")
		if len(c.New) != 1 || len(c.Present) != 3 {
			t.Errorf("new %d, present %d", len(c.New), len(c.Present))
		}
	})
	t.Run("absolute paths match relative ones", func(t *testing.T) {
		abs, err := filepath.Abs("a.yaml")
		if err != nil {
			t.Fatal(err)
		}
		c := Compare(base, checks.Report{Files: []checks.FileReport{design(abs, 10, "dependencies[0].timeout_ms")}}, "")
		if len(c.New) != 0 {
			t.Errorf("an absolute path to the same file gave %d new findings", len(c.New))
		}
	})
}

func TestGate(t *testing.T) {
	inRepo(t)
	base := FromReport(checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "dependencies[0].timeout_ms")}}, "")
	gate := checks.Gate{FailOn: rules.High}
	gateFor := func(checks.FileReport) checks.Gate { return gate }

	rep := checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "dependencies[0].timeout_ms")}}
	rep.Files[0].GateFailures = gate.Check(rep.Files[0].Scorecard)
	if len(rep.Files[0].GateFailures) == 0 {
		t.Fatal("without a baseline the high failure should fail the gate")
	}
	Compare(base, rep, "").Gate(&rep, gateFor)
	if got := rep.Files[0].GateFailures; len(got) != 0 || rep.ExitCode() != 0 {
		t.Errorf("nothing new, yet the gate fails: %v", got)
	}

	rep = checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "dependencies[0].timeout_ms", "dependencies[1].timeout_ms")}}
	Compare(base, rep, "").Gate(&rep, gateFor)
	if got := rep.Files[0].GateFailures; len(got) != 1 || !strings.Contains(got[0], "1 new finding(s) at severity high") || rep.ExitCode() != 1 {
		t.Errorf("one new high finding: gate %v, exit %d", got, rep.ExitCode())
	}

	// A new finding below the threshold does not fail the gate.
	noTag := FromReport(checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "dependencies[0].timeout_ms")}}, "")
	noTag.Findings = noTag.Findings[:1]
	rep = checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "dependencies[0].timeout_ms")}}
	Compare(noTag, rep, "").Gate(&rep, gateFor)
	if got := rep.Files[0].GateFailures; len(got) != 0 {
		t.Errorf("a new medium finding fails a high gate: %v", got)
	}

	// The score threshold still applies.
	rep = checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "dependencies[0].timeout_ms"), {Path: "broken.yaml", Broken: true}}}
	Compare(base, rep, "").Gate(&rep, func(checks.FileReport) checks.Gate { return checks.Gate{FailOn: rules.High, MinScore: 99} })
	if got := rep.Files[0].GateFailures; len(got) != 1 || !strings.Contains(got[0], "below the minimum 99") {
		t.Errorf("min score gate: %v", got)
	}
	if rep.ExitCode() != 2 {
		t.Errorf("a broken file still exits 2, got %d", rep.ExitCode())
	}
}

func TestReadWrite(t *testing.T) {
	inRepo(t)
	b := FromReport(checks.Report{Files: []checks.FileReport{design("a.yaml", 10, "dependencies[0].timeout_ms")}}, "")
	var buf bytes.Buffer
	if err := Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	got, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, b) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, b)
	}
	for name, src := range map[string]string{
		"version":     `{"version": 3, "findings": []}`,
		"fingerprint": `{"version": 2, "findings": [{"rule": "PR200"}]}`,
		"json":        `[1, 2]`,
	} {
		if _, err := Read(strings.NewReader(src)); err == nil {
			t.Errorf("%s: a bad baseline was accepted", name)
		}
	}
	path := filepath.Join(t.TempDir(), DefaultPath)
	if err := Save(path, b); err != nil {
		t.Fatal(err)
	}
	if loaded, err := Load(path); err != nil || len(loaded.Findings) != len(b.Findings) {
		t.Errorf("Load: %v, %d findings", err, len(loaded.Findings))
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("Load of a missing file: %v", err)
	}
}

// A baseline made at the repository root matches a run from a
// subdirectory: paths are recorded relative to the root, not to the
// working directory.
func TestBaselineFromSubdirectory(t *testing.T) {
	root := inRepo(t)
	if err := os.MkdirAll(filepath.Join(root, "services", "orders"), 0o755); err != nil {
		t.Fatal(err)
	}
	base := FromReport(checks.Report{Files: []checks.FileReport{design(filepath.Join("services", "orders", "design.yaml"), 10, "dependencies[0].timeout_ms")}}, "")
	for _, e := range base.Findings {
		if e.Path != "services/orders/design.yaml" {
			t.Fatalf("recorded path %q, want it relative to the repository root", e.Path)
		}
	}
	t.Chdir(filepath.Join(root, "services", "orders"))
	c := Compare(base, checks.Report{Files: []checks.FileReport{design("design.yaml", 10, "dependencies[0].timeout_ms")}}, "")
	if len(c.New) != 0 || len(c.Present) != 2 || len(c.Fixed) != 0 {
		t.Errorf("from the subdirectory: new %v, present %d, fixed %v", c.New, len(c.Present), c.Fixed)
	}
	// The same file under another name is another file: a run that really
	// moved the design finds everything new.
	c = Compare(base, checks.Report{Files: []checks.FileReport{design(filepath.Join("..", "design.yaml"), 10, "dependencies[0].timeout_ms")}}, "")
	if len(c.New) != 2 {
		t.Errorf("a different file matched the baseline: new %d", len(c.New))
	}
}

// Outside a repository, paths are relative to the Root given (the
// configuration file's directory).
func TestBaselineOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "svc"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(dir, "svc"))
	base := FromReport(checks.Report{Files: []checks.FileReport{design("design.yaml", 10, "x")}}, Root(dir))
	if got := base.Findings[0].Path; got != "svc/design.yaml" {
		t.Fatalf("recorded path %q, want it relative to the configuration directory", got)
	}
	t.Chdir(dir)
	c := Compare(base, checks.Report{Files: []checks.FileReport{design(filepath.Join("svc", "design.yaml"), 10, "x")}}, Root("."))
	if len(c.New) != 0 || len(c.Present) != 2 {
		t.Errorf("new %v, present %d", c.New, len(c.Present))
	}
}

// Findings match by key, not by the index path the policy reported: an
// entry inserted above moves the index, not the key.
func TestFindingsMatchByKey(t *testing.T) {
	inRepo(t)
	before := design("a.yaml", 10, "dependencies[0].timeout_ms")
	before.Results[0].Findings[0].Key = "dependencies[payments].timeout_ms"
	base := FromReport(checks.Report{Files: []checks.FileReport{before}}, "")
	after := design("a.yaml", 14, "dependencies[1].timeout_ms")
	after.Results[0].Findings[0].Key = "dependencies[payments].timeout_ms"
	c := Compare(base, checks.Report{Files: []checks.FileReport{after}}, "")
	if len(c.New) != 0 || len(c.Fixed) != 0 {
		t.Errorf("an inserted entry made findings new %v and fixed %v", c.New, c.Fixed)
	}
}

// Version 1 baselines named entries by index; they are refused with what
// to do about it.
func TestVersionOneIsRefused(t *testing.T) {
	_, err := Read(strings.NewReader(`{"version": 1, "tool": "archvet", "findings": [{"fingerprint": "ab", "rule": "PR200"}]}`))
	if err == nil || !strings.Contains(err.Error(), "version 1") || !strings.Contains(err.Error(), "regenerate it with archvet baseline") {
		t.Errorf("a version 1 baseline: %v", err)
	}
}

// Open questions are baselined too, and a new one gates against
// FailOnUnanswered; the baseline must not switch that part of the gate
// off.
func TestQuestionsAreBaselined(t *testing.T) {
	inRepo(t)
	withQuestion := func(fields ...string) checks.FileReport {
		f := design("a.yaml", 10)
		q := checks.RuleResult{Rule: &rules.Rule{ID: "PR400", Title: "slos", Severity: rules.High}, Status: checks.Unanswered}
		for i, fld := range fields {
			q.Findings = append(q.Findings, at("a.yaml", 20+i, fld, "the design does not say "+fld))
		}
		f.Results = append(f.Results, q)
		return f
	}
	base := FromReport(checks.Report{Files: []checks.FileReport{withQuestion("slos")}}, "")
	found := false
	for _, e := range base.Findings {
		if e.Rule == "PR400" {
			found = e.Status == "unanswered"
		}
	}
	if !found {
		t.Fatalf("the open question was not recorded as unanswered: %+v", base.Findings)
	}
	gate := func(checks.FileReport) checks.Gate {
		return checks.Gate{FailOn: rules.High, FailOnUnanswered: rules.High}
	}
	rep := checks.Report{Files: []checks.FileReport{withQuestion("slos")}}
	Compare(base, rep, "").Gate(&rep, gate)
	if got := rep.Files[0].GateFailures; len(got) != 0 {
		t.Errorf("an unchanged question fails the gate: %v", got)
	}
	rep = checks.Report{Files: []checks.FileReport{withQuestion("slos", "slos[0].window_days")}}
	c := Compare(base, rep, "")
	c.Gate(&rep, gate)
	if got := rep.Files[0].GateFailures; len(got) != 1 || !strings.Contains(got[0], "1 new open question(s) at severity high") || len(c.New) != 1 {
		t.Errorf("a new high question: gate %v, new %v", got, c.New)
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/archvet/archvet/internal/diag"
)

// sarifSchemaEnv names the official SARIF 2.1.0 JSON schema on disk.
// .ci/run fetches it; it is not kept in the repository.
const sarifSchemaEnv = "ARCHVET_SARIF_SCHEMA"

// sarifSchema compiles the official schema. It is never skipped: a
// developer's go test ./... and CI run the same tests, and the message
// says how to get the schema.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := os.Getenv(sarifSchemaEnv)
	if path == "" {
		t.Fatalf("%s is not set: run the tests as the README says, `. .ci/test-tools.sh && go test ./...` (it fetches the official SARIF schema once into ~/.cache/archvet-ci and sets %s)", sarifSchemaEnv, sarifSchemaEnv)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%s: %v", sarifSchemaEnv, err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "file:///sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compiling %s: %v", path, err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, name string, out []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("%s: SARIF is not JSON: %v", name, err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("%s: SARIF does not validate against the 2.1.0 schema:\n%v", name, err)
	}
}

// TestSARIFValidatesAgainstTheSchema renders every example, and the golden
// report with its waiver, broken file and baseline states, and validates
// each against the official SARIF 2.1.0 schema.
func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	sch := sarifSchema(t)
	var examples []string
	for _, pattern := range []string{"../../examples/*/design.yaml", "../../examples/*/design.hcl"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		examples = append(examples, m...)
	}
	if len(examples) < 2 {
		t.Fatalf("found %d examples", len(examples))
	}
	c := testChecker(t)
	for _, ex := range examples {
		rep := checkPaths(t, ex)
		validateSARIF(t, sch, ex, render(t, "sarif", rep, Options{Catalogue: c.Engine.Catalogue, Version: "dev"}))
	}
	rep, opts := goldenReport(t)
	validateSARIF(t, sch, "golden report", render(t, "sarif", rep, opts))
	opts.Baseline = &Baseline{Path: "archvet-baseline.json", New: 1, NewFindings: map[FindingRef]bool{{Path: "testdata/orders.yaml", Rule: "PR201", Index: 1}: true}}
	validateSARIF(t, sch, "golden report with a baseline", render(t, "sarif", rep, opts))
	sys, sysOpts := systemFixture(t)
	validateSARIF(t, sch, "system report", render(t, "sarif", sys, sysOpts))

	// The schema is really applied: a log without its version is refused.
	bad, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"runs": []}`))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(bad) == nil {
		t.Error("the schema accepts a SARIF log without a version")
	}
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string         `json:"id"`
					ShortDescription map[string]any `json:"shortDescription"`
					FullDescription  map[string]any `json:"fullDescription"`
					Help             map[string]any `json:"help"`
					Properties       map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []map[string]any  `json:"suppressions"`
			BaselineState       string            `json:"baselineState"`
		} `json:"results"`
		Properties map[string]any `json:"properties"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, out []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("want 1 run, got %d", len(log.Runs))
	}
	return log
}

func TestSARIFContent(t *testing.T) {
	rep, opts := goldenReport(t)
	log := parseSARIF(t, render(t, "sarif", rep, opts))
	run := log.Runs[0]
	if log.Version != "2.1.0" || run.Tool.Driver.Name != "archvet" || run.AutomationDetails.ID != "archvet/" {
		t.Errorf("header: version %q, driver %q, automation id %q", log.Version, run.Tool.Driver.Name, run.AutomationDetails.ID)
	}
	if got, want := len(run.Tool.Driver.Rules), len(opts.Catalogue.Rules); got != want {
		t.Errorf("want one reportingDescriptor per catalogue rule (%d), got %d", want, got)
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ShortDescription["text"] == "" || r.FullDescription["text"] == "" || r.Help["text"] == "" || r.Help["markdown"] == "" {
			t.Errorf("rule %s lacks a description or help", r.ID)
		}
		if tags, _ := r.Properties["tags"].([]any); len(tags) < 3 {
			t.Errorf("rule %s has tags %v", r.ID, r.Properties["tags"])
		}
	}
	levels := map[string]string{}
	waived := 0
	for _, res := range run.Results {
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is %s", res.RuleID, res.RuleIndex, run.Tool.Driver.Rules[res.RuleIndex].ID)
		}
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if filepath.IsAbs(uri) || strings.Contains(uri, `\`) || !strings.HasPrefix(uri, "testdata/") {
			t.Errorf("uri %q is not relative with forward slashes", uri)
		}
		if reg := res.Locations[0].PhysicalLocation.Region; reg == nil || reg.StartLine < 1 || reg.StartColumn < 1 {
			t.Errorf("%s at %s has no region although its position is known", res.RuleID, uri)
		}
		if len(res.PartialFingerprints[FingerprintKey]) != 32 {
			t.Errorf("%s: partialFingerprints %v", res.RuleID, res.PartialFingerprints)
		}
		// Open questions are suppressed too; count the waived ones.
		for _, sup := range res.Suppressions {
			if why, _ := sup["justification"].(string); strings.HasPrefix(why, "waived by ") {
				waived++
			}
		}
		levels[res.RuleID] = res.Level
	}
	for rule, want := range map[string]string{"TF007": "error", "PR201": "error", "ID006": "warning", "WA374": "note"} {
		if levels[rule] != want {
			t.Errorf("%s has level %q, want %q", rule, levels[rule], want)
		}
	}
	if waived != 1 {
		t.Errorf("want the one waived finding suppressed, got %d", waived)
	}
	archvet, _ := run.Properties["archvet"].(map[string]any)
	files, _ := archvet["files"].([]any)
	if len(files) != 3 {
		t.Fatalf("run.properties.archvet.files: %v", run.Properties)
	}
	orders, _ := files[1].(map[string]any)
	if v := orders["verdict"]; (v != "not-ready" && v != "conditional") || orders["score"] == nil {
		t.Errorf("orders scores in run.properties: %v", orders)
	}
	if fws, _ := orders["frameworks"].(map[string]any); len(fws) != 4 {
		t.Errorf("orders framework scores: %v", orders["frameworks"])
	}
}

// TestSARIFOmitsUnknownRegions checks a finding whose position could not
// be found has a location without a region, never a made-up 1:1.
func TestSARIFOmitsUnknownRegions(t *testing.T) {
	rep, opts := goldenReport(t)
	f := &rep.Files[2]
	for i := range f.Results {
		for j := range f.Results[i].Findings {
			f.Results[i].Findings[j].Location = diag.Range{Filename: f.Path}
		}
	}
	log := parseSARIF(t, render(t, "sarif", rep, opts))
	for _, res := range log.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI == "testdata/payments.hcl" && loc.Region != nil {
			t.Errorf("%s: region %+v for an unknown position", res.RuleID, *loc.Region)
		}
	}
}

// TestFingerprintsSurviveMovedLines checks that adding lines above the
// findings moves their regions but keeps every fingerprint.
func TestFingerprintsSurviveMovedLines(t *testing.T) {
	src, err := os.ReadFile("testdata/orders.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "design.yaml")
	collect := func(content []byte) (map[string]bool, map[int]bool) {
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		c := goldenChecker(t)
		rep := c.CheckAll(t.Context(), inputsOf([]string{path}))
		log := parseSARIF(t, render(t, "sarif", rep, Options{Catalogue: c.Engine.Catalogue}))
		fps, lines := map[string]bool{}, map[int]bool{}
		for _, res := range log.Runs[0].Results {
			fps[res.PartialFingerprints[FingerprintKey]] = true
			if reg := res.Locations[0].PhysicalLocation.Region; reg != nil {
				lines[reg.StartLine] = true
			}
		}
		return fps, lines
	}
	before, linesBefore := collect(src)
	after, linesAfter := collect(append([]byte("# moved\n# down\n# three lines\n"), src...))
	if len(before) == 0 || len(before) != len(after) {
		t.Fatalf("fingerprints: %d before, %d after", len(before), len(after))
	}
	for fp := range before {
		if !after[fp] {
			t.Errorf("fingerprint %s changed when lines moved", fp)
		}
	}
	same := true
	for l := range linesAfter {
		if !linesBefore[l] {
			same = false
		}
	}
	if same {
		t.Error("the regions did not move, so the test proves nothing")
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("svc/design.yaml", "PR200", "dependencies[0].timeout_ms")
	for _, other := range []string{
		Fingerprint("svc/design.yaml", "PR201", "dependencies[0].timeout_ms"),
		Fingerprint("svc/other.yaml", "PR200", "dependencies[0].timeout_ms"),
		Fingerprint("svc/design.yaml", "PR200", "dependencies[1].timeout_ms"),
	} {
		if other == a {
			t.Error("different findings share a fingerprint")
		}
	}
	if Fingerprint("svc/./design.yaml", "pr200", "dependencies[0].timeout_ms") != a {
		t.Error("a fingerprint depends on how the same path or rule id is spelled")
	}
	// Pinned: baselines written by earlier versions must keep matching.
	// archvet/v2 changed it on purpose (keys name list entries by name,
	// paths are relative to the repository root); the pin is of the path
	// as recorded, so it does not depend on where the test runs.
	pinned := IdentityFingerprint("svc/design.yaml", "PR200", "dependencies[payments].timeout_ms")
	if want := "f45228f0675cfa98134616226876919c"; pinned != want {
		t.Errorf("Fingerprint changed from %s to %s: existing baselines would stop matching", want, pinned)
	}
	if a != IdentityFingerprint(IdentityPath("svc/design.yaml", ""), "PR200", "dependencies[0].timeout_ms") {
		t.Error("Fingerprint is not IdentityFingerprint of the identity path")
	}
}

package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
)

// claimsReport is the golden report with a claim ledger on orders.yaml:
// the claims a claim rule would make there (one verified, one
// contradicted at a finding's field, one unverified) and one field
// derived from a manifest, scored as the checker scores them.
func claimsReport(t *testing.T) (checks.Report, Options) {
	t.Helper()
	rep, opts := goldenReport(t)
	var f *checks.FileReport
	for i := range rep.Files {
		if filepath.Base(rep.Files[i].Path) == "orders.yaml" {
			f = &rep.Files[i]
		}
	}
	if f == nil {
		t.Fatal("no orders.yaml in the golden report")
	}
	var r *checks.RuleResult
	for i := range f.Results {
		if f.Results[i].Status == checks.Fail && f.Results[i].Findings[0].Field != "" {
			r = &f.Results[i]
			break
		}
	}
	if r == nil {
		t.Fatal("orders.yaml fails no rule at a field")
	}
	manifest := func(line int) diag.Range {
		return diag.Range{Filename: "testdata/deploy/deployment.yaml", Start: diag.Pos{Line: line, Column: 3}}
	}
	review := func(line int) diag.Range {
		return diag.Range{Filename: f.Path, Start: diag.Pos{Line: line, Column: 5}}
	}
	field := r.Findings[0].Field
	r.Claims = []checks.Claim{
		{Rule: r.Rule.ID, Path: field, Key: r.Findings[0].Key, Status: checks.Contradicted, Claimed: int64(6), Observed: int64(1), Location: r.Findings[0].Location, At: manifest(9), Source: checks.SourceArtefact},
		{Rule: r.Rule.ID, Path: "processes.health_checks.readiness", Key: "processes.health_checks.readiness", Status: checks.Verified, Claimed: "/ready", Observed: "/ready", Location: review(30), At: manifest(24), Source: checks.SourceArtefact},
		{Rule: r.Rule.ID, Path: "apis[0].authentication", Key: "apis[orders-api].authentication", Status: checks.Unverified, Claimed: "oauth2", Location: review(41), Source: checks.SourceArtefact},
	}
	derived := []checks.Derived{{Path: "processes.shutdown.grace_period_seconds", Key: "processes.shutdown.grace_period_seconds", Value: int64(45), Kind: checks.KindKubernetes, At: manifest(31)}}
	f.Derived = derived
	f.Claims = checks.Ledger(f.Results, derived)
	f.Scorecard.AddTrust(f.Results, f.Claims)
	if f.Scorecard.Trust != (checks.Trust{Checkable: 4, Verified: 2, Contradicted: 1}) {
		t.Fatalf("trust %+v", f.Scorecard.Trust)
	}
	return rep, opts
}

// TestClaimsGolden renders the report with claims in every format, and
// the ledger of `archvet claims` as text and JSON, against
// testdata/golden/claims. The HTML page is compared only where it
// differs from the base page (TestClaimsHTMLGolden).
func TestClaimsGolden(t *testing.T) {
	rep, opts := claimsReport(t)
	dir := filepath.Join("testdata", "golden", "claims")
	for _, name := range Names() {
		switch name {
		case "codeclimate":
			// A Code Climate report is a list of issues: it has no place
			// for a file's figures, and reads as TestGolden's.
			continue
		case "html":
			continue
		}
		compareGolden(t, name, filepath.Join(dir, name+"."+goldenExt[name]), render(t, name, rep, opts))
	}
	for format, ext := range map[string]string{"text": "txt", "json": "json"} {
		var buf bytes.Buffer
		if err := WriteClaims(&buf, rep, format); err != nil {
			t.Fatal(err)
		}
		compareGolden(t, "the "+format+" ledger", filepath.Join(dir, "ledger."+ext), buf.Bytes())
	}
}

// TestTrustShownBesideScore: every format a person or a CI reads shows
// the trust figure next to the score and completeness, and the ledger
// shows both positions of a contradicted claim.
func TestTrustShownBesideScore(t *testing.T) {
	rep, opts := claimsReport(t)
	for name, want := range map[string][]string{
		"text":     {"completeness 39.1%, trust 50.0%, Not ready", "claims: 2 verified, 1 contradicted, 1 unverified of 4"},
		"markdown": {" · trust 50.0% · "},
		"html":     {", trust 50.0%)", "<h3>Claims</h3>", "testdata/deploy/deployment.yaml:9:3"},
		"json":     {`"trust": {`, `"percent": 50`, `"status": "contradicted"`},
		"sarif":    {`"trust": {`, `"claim": {`, `"framework_trust": {`},
		"junit":    {`<property name="trust" value="50.0%">`},
		"github":   {", trust 50.0%, "},
	} {
		got := string(render(t, name, rep, opts))
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s output lacks %q", name, w)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteClaims(&buf, rep, "text"); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"  contradicted ",
		"    claimed 6, observed 1 [",
		"    artefact testdata/deploy/deployment.yaml:9:3",
		"  unverified   apis[orders-api].authentication",
		"    artefact none speaks to it",
		"claimed 45, observed 45 (derived from the artefact)",
	} {
		if !strings.Contains(buf.String(), w) {
			t.Errorf("the ledger lacks %q:\n%s", w, buf.String())
		}
	}
}

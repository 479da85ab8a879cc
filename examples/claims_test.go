package examples

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/checks"
)

// The claim examples: examples/drift, whose artefacts contradict its
// review, and examples/checkout, whose artefacts agree with it.

// lineOf is the 1-based line of the first line of file holding marker, so
// that a test names the artefact line by what it says, not by its number.
func lineOf(t *testing.T, file, marker string) int {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, marker) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line with %q", file, marker)
	return 0
}

func lineText(t *testing.T, file string, line int) string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	if line < 1 || line > len(lines) {
		t.Fatalf("%s has no line %d", file, line)
	}
	return lines[line-1]
}

func TestDriftContradictionsAreFindingsAtTheArtefact(t *testing.T) {
	const review = "drift/design.yaml"
	rep := checker(t).CheckAll(context.Background(), []checks.Input{{Path: review}})
	f := rep.Files[0]
	if f.Broken || len(f.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", f.Diagnostics)
	}
	// One contradiction per claim family and reader at least: the
	// artefact file, the line that contradicts the claim, and the claim.
	cases := []struct {
		rule, field, artefact, marker string
		offset                        int // lines after the marker's
	}{
		{"CL001", "data_stores[0].backups.point_in_time", "drift/infra/database.tf", "backup_retention_period = 0", 0},
		{"CL002", "data_stores[0].replication.multi_az", "drift/infra/database.tf", "multi_az                = false", 0},
		{"CL003", "data_stores[0].encryption_at_rest", "drift/infra/database.tf", `resource "aws_db_instance" "invoices"`, 0},
		{"CL004", "events.consumes[0].dead_letter", "drift/infra/queues.tf", `resource "aws_sqs_queue" "requests"`, 0},
		{"CL005", "processes.scaling.min_replicas", "drift/deploy/invoicing.yaml", "replicas: 1", 0},
		{"CL007", "processes.health_checks.readiness", "drift/deploy/invoicing.yaml", "- name: invoicing", 0},
		{"CL008", "processes.shutdown.grace_period_seconds", "drift/deploy/invoicing.yaml", "terminationGracePeriodSeconds: 20", 0},
		{"CL009", "deployment.availability_zones", "drift/deploy/invoicing.yaml", "terminationGracePeriodSeconds: 20", -1}, // the pod spec
		{"CL011", "security.least_privilege", "drift/deploy/invoicing.yaml", "- name: invoicing", 0},
		{"CL012", "config.secrets.in_repository", "drift/deploy/invoicing.yaml", "- name: DATABASE_PASSWORD", 0},
		{"CL013", "apis[0].authentication", "drift/api/invoicing.openapi.yaml", "security: []", 0},
		{"CL014", "apis[0].max_page_size", "drift/api/invoicing.openapi.yaml", "maximum: 1000", 0},
		{"CL015", "apis[0].versioning", "drift/api/invoicing.openapi.yaml", "- url: https://invoicing.partners.example.com", 0},
		{"CL016", "apis[0].rate_limit.headers", "drift/api/invoicing.openapi.yaml", "responses:", 0},
	}
	results := map[string]checks.RuleResult{}
	for _, r := range f.Results {
		results[r.Rule.ID] = r
	}
	readers := map[string]bool{}
	for _, c := range cases {
		r, ok := results[c.rule]
		if !ok || r.Status != checks.Fail {
			t.Errorf("%s: %s, want fail", c.rule, r.Status)
			continue
		}
		var found *checks.Finding
		for i := range r.Findings {
			if r.Findings[i].Field == c.field {
				found = &r.Findings[i]
			}
		}
		if found == nil {
			t.Errorf("%s: no finding for %s among %v", c.rule, c.field, r.Findings)
			continue
		}
		// The drift spec's first "responses:" is the list operation's,
		// the first operation without a 429.
		want := lineOf(t, c.artefact, c.marker) + c.offset
		if got := found.Location; filepath.ToSlash(got.Filename) != c.artefact || got.Start.Line != want {
			t.Errorf("%s %s: at %s:%d, want %s:%d (%s)", c.rule, c.field, got.Filename, got.Start.Line, c.artefact, want, found.Message)
		}
		if !strings.Contains(found.Message, c.field+" says ") || !strings.Contains(found.Message, ", but ") {
			t.Errorf("%s: the message does not say both values: %s", c.rule, found.Message)
		}
		if len(found.Related) == 0 {
			t.Errorf("%s %s: no related location", c.rule, c.field)
			continue
		}
		rel := found.Related[0].Location
		key := c.field[strings.LastIndex(c.field, ".")+1:]
		if filepath.ToSlash(rel.Filename) != review || !strings.Contains(lineText(t, review, rel.Start.Line), key+":") {
			t.Errorf("%s: related location %s:%d is not the review's %s", c.rule, rel.Filename, rel.Start.Line, c.field)
		}
		readers[strings.Split(c.artefact, "/")[1]] = true
	}
	if len(readers) != 3 {
		t.Errorf("contradictions come from %v, want all three readers", readers)
	}
	// The ledger says the same: each of those fields is contradicted.
	contradicted := map[string]bool{}
	for _, c := range f.Claims {
		if c.Status == checks.Contradicted {
			contradicted[c.Path] = true
		}
	}
	for _, c := range cases {
		if !contradicted[c.field] {
			t.Errorf("the ledger does not list %s as contradicted", c.field)
		}
	}
	// A Terraform expression (the bucket's versioning status is a
	// variable) leaves its claim unverified, without a diagnostic.
	for _, c := range f.Claims {
		if c.Path == "data_stores[1].backups.enabled" && c.Status != checks.Unverified {
			t.Errorf("data_stores[1].backups.enabled is %s; its versioning is an expression, want unverified", c.Status)
		}
	}
}

func TestCheckoutLedgerIsMostlyVerified(t *testing.T) {
	rep := checker(t).CheckAll(context.Background(), []checks.Input{{Path: "checkout/design.yaml"}})
	f := rep.Files[0]
	if f.Broken || len(f.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", f.Diagnostics)
	}
	counts := map[string]int{}
	for _, c := range f.Claims {
		counts[c.Status]++
		if c.Status == checks.Contradicted {
			t.Errorf("checkout's %s is contradicted: claimed %v, observed %v", c.Path, c.Claimed, c.Observed)
		}
	}
	total := len(f.Claims)
	if total < 30 || counts[checks.Verified]*10 < total*9 {
		t.Errorf("checkout's ledger: %v of %d claims; want at least 30 claims, 90%% verified", counts, total)
	}
	// Each reader verifies some claim.
	for _, dir := range []string{"checkout/infra/", "checkout/deploy/", "checkout/api/"} {
		seen := false
		for _, c := range f.Claims {
			seen = seen || (c.Status == checks.Verified && strings.HasPrefix(filepath.ToSlash(c.At.Filename), dir))
		}
		if !seen {
			t.Errorf("no claim of checkout is verified by an artefact in %s", dir)
		}
	}
}

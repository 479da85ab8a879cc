package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleRepo copies an example's artefacts, without its review, into a
// fresh repository: what a team has before it writes a design review.
func exampleRepo(t *testing.T, example string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, example)
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "examples", example))); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"design.yaml", "design.hcl", "design.md", "expected.json"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	return dir
}

// liveField is a line of the draft that sets a value (not a comment,
// not a section or list heading).
var liveField = regexp.MustCompile(`^\s*(- )?[a-z_]+: \S`)

// completenessOf checks a review with archvet and returns its completeness.
func completenessOf(t *testing.T, file string) float64 {
	t.Helper()
	var stdout, stderr bytes.Buffer
	// No time limit that a loaded machine could hit: this test measures
	// what the draft answers, not how fast it is checked (the one failure
	// with exit 2 in a full run was most likely the 10-second default
	// timeout on a starved CPU).
	if code := run([]string{"check", "--date", "2026-11-23", "--timeout", "10m", "--format", "json", file}, &stdout, &stderr); code != exitOK && code != exitGateFail {
		t.Fatalf("archvet check on the draft exited %d:\n%s%s", code, stderr.String(), stdout.String())
	}
	var rep struct {
		Files []struct {
			Completeness float64          `json:"completeness"`
			Diagnostics  []map[string]any `json:"diagnostics"`
		} `json:"files"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil || len(rep.Files) != 1 {
		t.Fatalf("the report does not parse (%v):\n%s", err, stdout.String())
	}
	if len(rep.Files[0].Diagnostics) > 0 {
		t.Errorf("the draft has diagnostics: %v", rep.Files[0].Diagnostics)
	}
	return rep.Files[0].Completeness
}

// TestInitFromCheckout drafts checkout's review from its repository: its
// OpenAPI specs, Terraform, manifests and documents, and checks it. Every value the draft
// sets, beyond the service's name, owner and tier the command line gives
// and the artefacts it lists, names the file and line it came from; the
// draft is a valid review; and a second run never replaces it.
func TestInitFromCheckout(t *testing.T) {
	dir := exampleRepo(t, "checkout")
	var stdout, stderr bytes.Buffer
	args := []string{"init", "--from", dir, "--tier", "0", "--name", "checkout", "--owner", "team-checkout"}
	if code := run(args, &stdout, &stderr); code != exitOK {
		t.Fatalf("init --from exited %d: %s", code, stderr.String())
	}
	file := filepath.Join(dir, "design.yaml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	sourced := 0
	section := ""
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, " ") && strings.HasSuffix(line, ":") {
			section = strings.TrimSuffix(line, ":")
		}
		if !liveField.MatchString(line) || strings.HasPrefix(line, "format_version:") || section == "artefacts" || section == "imports" {
			continue
		}
		if m := regexp.MustCompile(`^  (name|owner|tier): `).MatchString(line); m && section == "service" {
			continue
		}
		m := regexp.MustCompile(`  # from ([^ ]+):\d+$`).FindStringSubmatch(line)
		if m == nil {
			t.Errorf("a filled field names no source: %q", line)
			continue
		}
		if info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(m[1]))); err != nil || (!info.IsDir() && info.Size() == 0) {
			t.Errorf("a filled field names a source that is not a non-empty file or directory of the repository: %q", line)
		}
		sourced++
	}
	for _, want := range []string{
		"spec: api/checkout-web.openapi.yaml  # from api/checkout-web.openapi.yaml:",
		"threat_model: docs/threat-model.md  # from docs/threat-model.md:1",
		"runbooks: [docs/runbooks/availability.md, docs/runbooks/latency.md, docs/runbooks/orders-db.md]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	for _, want := range []string{
		"  - name: orders-db  # from catalog-info.yaml:",
		"      point_in_time: true  # from infra/orders-db.tf:",
		"    min_replicas: 6  # from deploy/autoscaler.yaml:",
		"    authentication: oidc  # from api/checkout-web.openapi.yaml:",
		"  infrastructure_as_code: true  # from infra/",
		"  lifecycle: production  # from catalog-info.yaml:",
		"  system: storefront  # from catalog-info.yaml:",
		"    objective_percent: 99.95  # from slo/checkout-availability.yaml:",
		"    window_days: 28  # from slo/checkout-latency.yaml:",
		"    error_budget_policy: docs/error-budget-policy.md  # from docs/error-budget-policy.md:1",
		"    port: 8080  # from score.yaml:",
		"  manifest: go.mod  # from go.mod:1",
		"  lockfile: go.sum  # from go.sum:1",
		"    kind: container-image  # from Dockerfile:1",
		"  ci: true  # from .github/workflows/ci.yml:1",
		"    unit: true  # from .github/workflows/ci.yml:15",
		// Manifests: how the workload runs beyond the claims.
		"  platform: kubernetes  # from deploy/deployment.yaml:",
		"  strategy: rolling  # from deploy/deployment.yaml:",
		"    pre_stop_seconds: 5  # from deploy/deployment.yaml:",
		"    max_unavailable: 1  # from deploy/disruption-budget.yaml:",
		"  compute: arm  # from deploy/deployment.yaml:",
		"  network_acls: true  # from deploy/network-policy.yaml:",
		"    internal: mtls  # from deploy/peer-authentication.yaml:",
		"    mode: one-off-process  # from deploy/migrate-job.yaml:",
		"    immutable: true  # from deploy/deployment.yaml:",
		"  runtime_code_changes: false  # from deploy/deployment.yaml:",
		"    attached_by: url-in-config  # from deploy/deployment.yaml:60",
		"    attached_by: url-in-config  # from deploy/deployment.yaml:65",
		"      based_on: symptom  # from deploy/alerts.yaml:12",
		"    max_request_bytes: 65536  # from deploy/ingress.yaml:",
		"    timeout_ms: 5000  # from deploy/ingress.yaml:",
		// API specs, CI, Terraform and documents.
		"    idempotency: keys  # from api/checkout-web.openapi.yaml:",
		"  dependency_scanning: true  # from .github/workflows/ci.yml:",
		"  static_analysis: true  # from .github/workflows/ci.yml:",
		"    integration: true  # from .github/workflows/ci.yml:",
		"    contract: true  # from .github/workflows/ci.yml:",
		"    end_to_end: true  # from .github/workflows/release.yml:",
		"    managed: true  # from infra/orders-db.tf:",
		"    signed: true  # from .github/workflows/release.yml:",
		"    sbom: true  # from .github/workflows/release.yml:",
		"  release_id: git-sha  # from .github/workflows/release.yml:",
		"    kind: staging  # from .github/workflows/release.yml:",
		"  automated: true  # from .github/workflows/release.yml:",
		"  system_tools: []  # from Dockerfile:7",
		"    library: opentelemetry  # from go.mod:",
		"  dashboards: [dashboards/checkout.json]  # from dashboards/checkout.json:1",
		"    rotation: checkout-primary  # from infra/on-call.tf:",
		"    hours: 24x7  # from infra/on-call.tf:",
		"    escalation: true  # from infra/on-call.tf:",
		"  monthly_budget_usd: 18000  # from infra/budget.tf:",
		"  cost_center: storefront  # from infra/providers.tf:",
		"  tagging: true  # from infra/providers.tf:",
		"  incident_process: true  # from docs/incident-process.md:1",
		"  rto_minutes: 10  # from docs/dr-plan.md:3",
		"  rpo_minutes: 5  # from docs/dr-plan.md:3",
		"  strategy: warm-standby  # from docs/dr-plan.md:3",
		"  last_tested: \"2026-08-30\"  # from docs/dr-plan.md:3",
		"  peak_rps: 1200  # from docs/capacity-plan.md:3",
		"    peak_multiple: 3  # from docs/capacity-plan.md:3",
		"  threat_model_updated: \"2026-07-01\"  # from docs/threat-model.md:5",
		"    last_exercise: \"2026-09-15\"  # from docs/security-incident.md:10",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	if strings.Contains(text, "orders-db-standby") {
		t.Error("the read replica became a data store of its own")
	}
	if sourced < 130 {
		t.Errorf("the draft fills %d fields from checkout's files, want at least 130", sourced)
	}
	// The files answer more than half of what applies to a tier-0
	// service (measured: 50.5%); the rest are decisions no file records.
	c := completenessOf(t, file)
	t.Logf("the draft fills %d fields; completeness %.1f%%", sourced, c)
	if c <= 50 {
		t.Errorf("the draft's completeness is %.1f%%, want more than 50%%", c)
	}

	// Never replaced, with or without --force.
	stdout.Reset()
	stderr.Reset()
	if code := run(args, &stdout, &stderr); code != exitBadInput || !strings.Contains(stderr.String(), "already exists; archvet init never overwrites a file") {
		t.Errorf("a second init --from exited %d: %s", code, stderr.String())
	}
	if code := run(append(args, "--force"), &stdout, &stderr); code != exitBadInput {
		t.Errorf("init --from --force exited %d, want a usage error", code)
	}
	if again, _ := os.ReadFile(file); !bytes.Equal(again, src) {
		t.Error("the draft was changed by a second run")
	}
}

// TestInitFromImports drafts a review from a Backstage entity, OpenSLO
// objectives and a Score workload, written to another directory of the
// repository: the paths it names are relative to the draft, and the
// service's name and owner come from Backstage.
func TestInitFromImports(t *testing.T) {
	dir := exampleRepo(t, "imports")
	file := filepath.Join(filepath.Dir(dir), "reviews", "invoicing.md")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"init", "--from", dir, "--tier", "1", file}, &stdout, &stderr); code != exitOK {
		t.Fatalf("init --from exited %d: %s", code, stderr.String())
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	for _, want := range []string{
		"---\n",
		"  backstage: ../imports/catalog-info.yaml\n",
		"  name: invoicing  # from ../imports/catalog-info.yaml:",
		"  owner: team-billing  # from ../imports/catalog-info.yaml:",
		"    objective_percent: 99.9  # from ../imports/slo.yaml:",
		"    readiness: /readyz  # from ../imports/score.yaml:",
		"\n# invoicing\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	if c := completenessOf(t, file); c <= 0 {
		t.Errorf("completeness %.1f%%", c)
	}
}

func TestInitFromRefusesHCLAndFiles(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"init", "--from", dir, "--format", "hcl"}, &stdout, &stderr); code != exitBadInput || !strings.Contains(stderr.String(), "--from writes YAML or Markdown") {
		t.Errorf("init --from --format hcl exited %d: %s", code, stderr.String())
	}
	f := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run([]string{"init", "--from", f, filepath.Join(dir, "d.yaml")}, &stdout, &stderr); code != exitBadInput || !strings.Contains(stderr.String(), "--from wants a directory") {
		t.Errorf("init --from FILE exited %d: %s", code, stderr.String())
	}
}

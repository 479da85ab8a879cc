package checks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/schema"
	"github.com/archvet/archvet/policies"
	"github.com/archvet/archvet/rules"
)

// claimRule is a claim rule as claims-rules writes them: it compares a
// review field with the Kubernetes facts and says verified, contradicted
// or unverified, failing at the manifest when they disagree.
const claimRule = `# METADATA
# title: Replicas agree with the manifests
# description: The review's minimum replicas are what the Deployment runs.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
#     description: Deployments
# custom:
#   id: ZZ901
#   check: reasoning
#   severity: high
#   level: proactive
#   frameworks:
#     production-readiness: capacity
#   remediation: Make them agree.
#   applicability: The review states min_replicas or health checks.
package archvet.rules.test.replicas_agree

import rego.v1

workload := input._artefacts.kubernetes.workloads[0]

claims contains {"path": "processes.scaling.min_replicas", "status": status, "claimed": claimed, "observed": observed, "at": at} if {
	claimed := input.processes.scaling.min_replicas
	observed := object.get(workload, ["facts", "replicas", "value"], null)
	at := object.get(workload, ["facts", "replicas", "at"], null)
	status := verdict(claimed, observed)
}

claims contains {"path": "processes.health_checks.readiness", "status": "unverified", "claimed": input.processes.health_checks.readiness, "observed": null, "at": null}

verdict(_, null) := "unverified"

verdict(c, o) := "verified" if {
	o != null
	c == o
}

verdict(c, o) := "contradicted" if {
	o != null
	c != o
}

deny contains {"msg": "the review says otherwise than the manifest", "path": c.path} if {
	some c in claims
	c.status == "contradicted"
}
`

// fakeKubernetes is a reader that returns facts without reading: the
// contract of internal/artefact, tested without it.
type fakeKubernetes struct {
	facts map[string]any
	got   ArtefactSources
}

func (f *fakeKubernetes) read(_ string, sources ArtefactSources, _ string) (map[string]any, diag.Diagnostics) {
	f.got = sources
	return map[string]any{KindKubernetes: f.facts}, nil
}

func factAt(v any, file string, line int) map[string]any {
	return map[string]any{"value": v, "at": map[string]any{"file": file, "line": line, "column": 7}}
}

func claimChecker(t *testing.T, reader ArtefactReader) *Checker {
	t.Helper()
	srcs, err := rules.ReadFS(policies.FS, true, "policies")
	if err != nil {
		t.Fatal(err)
	}
	var lib []rules.Source
	for _, s := range srcs {
		if strings.HasPrefix(s.Path, "policies/lib/") && !strings.HasSuffix(s.Path, "_test.rego") {
			lib = append(lib, s)
		}
	}
	lib = append(lib, rules.Source{Path: "test/replicas_agree.rego", Text: claimRule})
	cat, ds := rules.Parse(lib)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if len(cat.Rules) != 1 || !cat.Rules[0].Claims {
		t.Fatalf("the claim rule was not read as one: %+v", cat.Rules)
	}
	e, ds := Compile(context.Background(), cat, Options{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	return &Checker{Engine: e, Schema: sch, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Artefacts: reader, TierGates: DefaultTierGates()}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const claimReview = `format_version: 1
service: {name: checkout, owner: team-checkout, tier: 0}
imports: {score: score.yaml}
processes:
  scaling: {min_replicas: %s}
`

const scoreFile = `apiVersion: score.dev/v1b1
metadata: {name: checkout}
containers:
  main:
    image: checkout
    readinessProbe:
      httpGet: {path: /ready, port: 8080}
`

func checkClaims(t *testing.T, replicas string, observed any) (FileReport, *fakeKubernetes) {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".git/HEAD":          "ref: refs/heads/main\n",
		"design.yaml":        strings.Replace(claimReview, "%s", replicas, 1),
		"score.yaml":         scoreFile,
		"deploy/deploy.yaml": "kind: Deployment\n",
	})
	manifest := filepath.Join(dir, "deploy", "deploy.yaml")
	k := &fakeKubernetes{facts: map[string]any{"documents": 1, "workloads": []any{map[string]any{
		"kind": "Deployment", "name": "checkout", "at": map[string]any{"file": manifest, "line": 1, "column": 1},
		"facts": map[string]any{"replicas": factAt(observed, manifest, 9), "termination_grace_seconds": factAt(45, manifest, 20)},
	}}}}
	c := claimChecker(t, k.read)
	rep := c.CheckFile(context.Background(), Input{Path: filepath.Join(dir, "design.yaml")})
	if rep.Broken {
		t.Fatalf("broken: %v", rep.Diagnostics)
	}
	return rep, k
}

func statuses(ledger []Claim) map[string]string {
	out := map[string]string{}
	for _, c := range ledger {
		out[c.Path] = c.Status + "/" + c.Source
	}
	return out
}

func TestClaimsAreVerifiedContradictedOrImported(t *testing.T) {
	rep, k := checkClaims(t, "3", 3)
	if len(k.got) != 1 || len(k.got[KindKubernetes]) != 1 || k.got[KindKubernetes][0] != (ArtefactSource{Path: "deploy"}) {
		t.Errorf("the reader was given %q, want the conventional deploy/ directory", k.got)
	}
	want := map[string]string{
		"processes.scaling.min_replicas":          "verified/artefact",
		"processes.health_checks.readiness":       "verified/import",
		"processes.shutdown.grace_period_seconds": "verified/derived",
	}
	if got := statuses(rep.Claims); !reflect.DeepEqual(got, want) {
		t.Errorf("ledger %v, want %v", got, want)
	}
	if rep.Scorecard.Trust != (Trust{Checkable: 3, Verified: 3}) || rep.Scorecard.Trust.String() != "100.0% (3 of 3 claims verified)" {
		t.Errorf("trust %+v %q", rep.Scorecard.Trust, rep.Scorecard.Trust)
	}
	for _, c := range rep.Claims {
		if c.Path == "processes.health_checks.readiness" && filepath.Base(c.At.Filename) != "score.yaml" {
			t.Errorf("an imported claim is verified at %s, want the Score file", c.At)
		}
		if c.Path == "processes.scaling.min_replicas" && (c.At.Start.Line != 9 || c.Location.Start.Line != 5) {
			t.Errorf("the verified claim is at %s (review %s), want the manifest's line 9 and the review's line 5", c.At, c.Location)
		}
	}
	for _, g := range rep.GateFailures {
		if strings.Contains(g, "claim") {
			t.Errorf("a verified replica claim failed the tier-0 gate: %s", g)
		}
	}
}

func TestContradictedClaimFailsAndGates(t *testing.T) {
	rep, _ := checkClaims(t, "6", 1)
	if got := statuses(rep.Claims)["processes.scaling.min_replicas"]; got != "contradicted/artefact" {
		t.Errorf("min_replicas is %s, want contradicted", got)
	}
	if rep.Scorecard.Trust != (Trust{Checkable: 3, Verified: 2, Contradicted: 1}) {
		t.Errorf("trust %+v", rep.Scorecard.Trust)
	}
	var pr FrameworkScore
	for _, fw := range rep.Scorecard.Frameworks {
		if fw.ID == "production-readiness" {
			pr = fw
		}
	}
	if pr.Trust != (Trust{Checkable: 2, Verified: 1, Contradicted: 1}) {
		t.Errorf("production-readiness trust %+v: its rule's two claims, the derived field counts overall only", pr.Trust)
	}
	found := false
	for _, g := range rep.GateFailures {
		found = found || g == "1 replicas claim(s) not verified: processes.scaling.min_replicas is contradicted"
	}
	if !found {
		t.Errorf("gate failures %q lack the replica claim", rep.GateFailures)
	}
}

func TestUnverifiedWithoutArtefacts(t *testing.T) {
	rep, _ := checkClaims(t, "3", nil)
	if got := statuses(rep.Claims)["processes.scaling.min_replicas"]; got != "unverified/artefact" {
		t.Errorf("min_replicas is %s, want unverified when the manifest does not say", got)
	}
	if rep.Scorecard.Trust.Percent() != 66.7 {
		t.Errorf("trust %v, want 2 of 3", rep.Scorecard.Trust)
	}
}

func TestDerivedFieldIsFilledAndLocatedAtTheArtefact(t *testing.T) {
	rep, _ := checkClaims(t, "3", 3)
	var d *Derived
	for i := range rep.Derived {
		if rep.Derived[i].Path == "processes.shutdown.grace_period_seconds" {
			d = &rep.Derived[i]
		}
	}
	if d == nil || d.Value != int64(45) || d.At.Start.Line != 20 || filepath.Base(d.At.Filename) != "deploy.yaml" {
		t.Fatalf("derived %+v", rep.Derived)
	}
	// min_replicas is written in the review: never replaced.
	for _, d := range rep.Derived {
		if d.Path == "processes.scaling.min_replicas" {
			t.Errorf("a field the review states was derived: %+v", d)
		}
	}
}

func TestClaimMatches(t *testing.T) {
	for _, tt := range []struct {
		cat, path string
		want      bool
	}{
		{"backups", "data_stores[0].backups.point_in_time", true},
		{"backup", "data_stores[0].backups.retention_days", true},
		{"replicas", "processes.scaling.min_replicas", true},
		{"replicas", "data_stores[1].replication.multi_az", true},
		{"replicas", "data_stores[1].backups.cross_region", false},
		{"authentication", "apis[2].authentication", true},
		{"authentication", "apis[2].authorization", false},
		{"", "apis[2].authentication", false},
	} {
		if got := ClaimMatches(tt.cat, tt.path); got != tt.want {
			t.Errorf("ClaimMatches(%q, %q) = %v", tt.cat, tt.path, got)
		}
	}
}

func TestArtefactPathsMustStayInside(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".git/HEAD": "ref: refs/heads/main\n",
		"design.yaml": `format_version: 1
service: {name: checkout, owner: team-checkout, tier: 2}
artefacts:
  terraform: [../outside]
  kubernetes: [missing/]
  openapi: []
`,
		"infra/main.tf": "",
	})
	c := claimChecker(t, (&fakeKubernetes{}).read)
	got := c.CheckFile(context.Background(), Input{Path: filepath.Join(dir, "design.yaml")})
	if !got.Broken {
		t.Fatal("a review citing artefacts outside the repository was evaluated")
	}
	var msgs []string
	for _, d := range got.Diagnostics {
		msgs = append(msgs, d.Error())
	}
	text := strings.Join(msgs, "\n")
	for _, want := range []string{
		"design.yaml:4:15: error: the terraform artefact ../outside is outside the repository",
		"design.yaml:5:16: error: the kubernetes artefact missing/ does not exist next to the design review",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, text)
		}
	}
}

// TestArtefactsSectionInEveryFormat: YAML, HCL and Markdown front matter
// spell the artefacts section alike, and resolve to the same paths; a
// kind left out falls back to its conventional places.
func TestArtefactsSectionInEveryFormat(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".git/HEAD":             "ref: refs/heads/main\n",
		"ops/tf/main.tf":        "# terraform\n",
		"k8s/deploy.yaml":       "kind: Deployment\n",
		"api/web.openapi.yaml":  "openapi: 3.1.0\n",
		"api/spec.openapi.yaml": "openapi: 3.1.0\n",
		"design.yaml": `format_version: 1
service: {name: checkout, owner: team-checkout, tier: 2}
apis: [{name: web, spec: api/spec.openapi.yaml}]
artefacts:
  terraform: [ops/tf/]
  openapi: [api/web.openapi.yaml]
`,
		"design.hcl": `format_version = 1
service {
  name  = "checkout"
  owner = "team-checkout"
  tier  = 2
}
api "web" {
  spec = "api/spec.openapi.yaml"
}
artefacts {
  terraform = ["ops/tf/"]
  openapi   = ["api/web.openapi.yaml"]
}
`,
		"design.md": `---
format_version: 1
service: {name: checkout, owner: team-checkout, tier: 2}
apis: [{name: web, spec: api/spec.openapi.yaml}]
artefacts:
  terraform: [ops/tf/]
  openapi: [api/web.openapi.yaml]
---
# Checkout
`,
		"defaults/design.yaml": `format_version: 1
service: {name: checkout, owner: team-checkout, tier: 2}
apis: [{name: web, spec: ../api/spec.openapi.yaml}, {name: docs, spec: "https://example.com/x.yaml"}]
`,
		"defaults/infra/main.tf":     "# terraform\n",
		"defaults/terraform/main.tf": "# terraform\n",
		"defaults/manifests/a.yaml":  "kind: Service\n",
	})
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	resolve := func(name string) map[string][]string {
		t.Helper()
		p := filepath.Join(dir, name)
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, ds := document.Load(p, src, sch)
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		if vs := sch.Validate(doc); len(vs) > 0 {
			t.Fatalf("%s: %v", name, vs)
		}
		sources, _, ds := ResolveArtefacts(doc)
		if len(ds) > 0 {
			t.Fatalf("%s: %v", name, ds)
		}
		paths := map[string][]string{}
		for k, list := range sources {
			for _, s := range list {
				at := "default"
				if s.At != nil && s.At.Filename == p && s.At.Start.Line > 3 {
					at = "listed"
				}
				paths[k] = append(paths[k], filepath.ToSlash(s.Path)+"@"+at)
			}
		}
		return paths
	}
	want := map[string][]string{"terraform": {"ops/tf@listed"}, "kubernetes": {"k8s@default"}, "openapi": {"api/web.openapi.yaml@listed"}}
	for _, name := range []string{"design.yaml", "design.hcl", "design.md"} {
		if got := resolve(name); !reflect.DeepEqual(got, want) {
			t.Errorf("%s resolves to %v, want %v", name, got, want)
		}
	}
	wantDefaults := map[string][]string{
		"terraform":  {"infra@default", "terraform@default"},
		"kubernetes": {"manifests@default"},
		"openapi":    {"../api/spec.openapi.yaml@default"},
	}
	if got := resolve("defaults/design.yaml"); !reflect.DeepEqual(got, wantDefaults) {
		t.Errorf("defaults resolve to %v, want %v", got, wantDefaults)
	}
}

// TestDeriveFromEachReader: each mapped fact fills its field when the
// review leaves it out, indexed at the artefact; an unknown (a Terraform
// expression) or a setting left to its default fills nothing, and a value
// the review writes is never replaced.
func TestDeriveFromEachReader(t *testing.T) {
	doc, ds := document.LoadYAML("svc/design.yaml", []byte(`format_version: 1
service: {name: checkout, owner: team-checkout, tier: 0}
data_stores:
  - name: orders
    backups: {point_in_time: false}
  - name: sessions
apis:
  - name: web
    spec: api/web.yaml
`))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	at := func(file string, line int) map[string]any {
		return map[string]any{"file": file, "line": line, "column": 3}
	}
	known := func(v any, file string, line int) map[string]any {
		return map[string]any{"value": v, "at": at(file, line)}
	}
	tf, k8s, oas := "svc/infra/db.tf", "svc/deploy/app.yaml", "svc/api/web.yaml"
	facts := map[string]any{
		KindTerraform: map[string]any{"resources": []any{
			map[string]any{"name": "orders", "facts": map[string]any{
				"backup_retention_days": known(int64(14), tf, 4),
				"backups_enabled":       known(true, tf, 4),
				"point_in_time":         known(true, tf, 5),
				"multi_az":              known(true, tf, 6),
				"encrypted_at_rest":     map[string]any{"unknown": true, "expression": "var.encrypted", "at": at(tf, 7)},
			}},
			map[string]any{"name": "sessions", "facts": map[string]any{
				"multi_az": map[string]any{"value": false, "at": at(tf, 20), "default": true},
			}},
		}},
		KindKubernetes: map[string]any{
			"workloads": []any{map[string]any{"kind": "Deployment", "name": "checkout", "facts": map[string]any{
				"replicas":        known(int64(4), k8s, 8),
				"liveness_probe":  known(true, k8s, 20),
				"readiness_probe": known(false, k8s, 22),
			}}},
			"autoscalers": []any{map[string]any{"target": "Deployment/checkout", "facts": map[string]any{
				"min_replicas": known(int64(3), k8s, 40),
				"max_replicas": known(int64(12), k8s, 41),
			}}},
		},
		KindOpenAPI: map[string]any{"specs": []any{map[string]any{"ref": "api/web.yaml", "file": oas,
			"facts": map[string]any{"version_in_paths": known(true, oas, 9)},
			"operations": []any{
				map[string]any{"facts": map[string]any{"authentication": known([]any{"oauth2"}, oas, 30), "max_page_size": known(int64(100), oas, 33)}},
				map[string]any{"facts": map[string]any{"authentication": known([]any{"oauth2"}, oas, 50), "max_page_size": known(int64(500), oas, 52)}},
			},
		}}},
	}
	got := map[string]string{}
	for _, d := range Derive(doc, facts) {
		got[d.Key] = fmt.Sprintf("%v@%s", d.Value, d.At)
		if r, exact, _ := doc.Index.Resolve(d.Path); !exact || r != d.At {
			t.Errorf("%s is indexed at %v, want the artefact %s", d.Path, r, d.At)
		}
	}
	want := map[string]string{
		"data_stores[orders].backups.retention_days": "14@svc/infra/db.tf:4:3",
		"data_stores[orders].backups.enabled":        "true@svc/infra/db.tf:4:3",
		"data_stores[orders].replication.multi_az":   "true@svc/infra/db.tf:6:3",
		"processes.scaling.min_replicas":             "3@svc/deploy/app.yaml:40:3",
		"processes.scaling.max_replicas":             "12@svc/deploy/app.yaml:41:3",
		"processes.health_checks.liveness":           "the livenessProbe of Deployment/checkout@svc/deploy/app.yaml:20:3",
		"apis[web].versioning":                       "url@svc/api/web.yaml:9:3",
		"apis[web].authentication":                   "oauth2@svc/api/web.yaml:30:3",
		"apis[web].max_page_size":                    "500@svc/api/web.yaml:52:3",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("derived\n got  %v\n want %v", got, want)
	}
	orders := doc.Value["data_stores"].([]any)[0].(map[string]any)
	if pit := orders["backups"].(map[string]any)["point_in_time"]; pit != false {
		t.Errorf("the review's point_in_time: false was replaced by %v", pit)
	}
}

// TestCitedDocumentsAreClaims: the evidence check is part of the ledger.
// A cited runbook that is a non-empty regular file inside the repository
// is verified at that file; a path outside it, a directory and an empty
// file contradict the claim; a URL, never fetched, is unverified. A gate
// requiring runbooks to be verified fails on each of the others.
func TestCitedDocumentsAreClaims(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	writeFiles(t, outside, map[string]string{"secret.md": "secret\n"})
	writeFiles(t, dir, map[string]string{
		".git/HEAD":         "ref: refs/heads/main\n",
		"docs/real.md":      "# Runbook\n",
		"docs/empty.md":     "",
		"docs/dir.md/x.txt": "not the runbook\n",
		"design.yaml": `format_version: 1
service: {name: checkout, owner: team-checkout, tier: 3}
operations:
  runbooks:
    - docs/real.md
    - docs/empty.md
    - docs/dir.md
    - ../` + filepath.Base(outside) + `/secret.md
    - https://wiki.example.com/runbooks/checkout
`,
	})
	c := claimChecker(t, (&fakeKubernetes{}).read)
	c.TierGates = map[int]Gate{3: {RequireVerified: []string{"runbooks"}}}
	rep := c.CheckFile(context.Background(), Input{Path: filepath.Join(dir, "design.yaml")})
	if rep.Broken {
		t.Fatalf("broken: %v", rep.Diagnostics)
	}
	want := map[string]string{
		"operations.runbooks[0]": "verified/evidence",
		"operations.runbooks[1]": "contradicted/evidence",
		"operations.runbooks[2]": "contradicted/evidence",
		"operations.runbooks[3]": "contradicted/evidence",
		"operations.runbooks[4]": "unverified/evidence",
	}
	if got := statuses(rep.Claims); !reflect.DeepEqual(got, want) {
		t.Errorf("ledger %v, want %v", got, want)
	}
	for _, cl := range rep.Claims {
		if cl.Path == "operations.runbooks[0]" && (filepath.Base(cl.At.Filename) != "real.md" || cl.At.Start.Line != 1) {
			t.Errorf("the present runbook is verified at %s, want docs/real.md:1", cl.At)
		}
	}
	if rep.Scorecard.Trust != (Trust{Checkable: 5, Verified: 1, Contradicted: 3}) {
		t.Errorf("trust %+v", rep.Scorecard.Trust)
	}
	found := false
	for _, g := range rep.GateFailures {
		found = found || strings.HasPrefix(g, "4 runbooks claim(s) not verified: operations.runbooks[1] is contradicted, ")
	}
	if !found {
		t.Errorf("gate failures %q lack the runbooks", rep.GateFailures)
	}
}

package kubernetes

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/diag"
)

func readFiles(t *testing.T, lim fact.Limits, files ...string) (map[string]any, diag.Diagnostics) {
	t.Helper()
	v, ds := Reader{}.Read(files, lim)
	return v.(map[string]any), ds
}

// entry finds a workload, budget or autoscaler by kind and name.
func entry(t *testing.T, out map[string]any, list, name string) map[string]any {
	t.Helper()
	for _, e := range out[list].([]any) {
		if e.(map[string]any)["name"] == name {
			return e.(map[string]any)
		}
	}
	t.Fatalf("%s %s not read", list, name)
	return nil
}

func TestReadsWorkloadsBudgetsAndAutoscalers(t *testing.T) {
	out, ds := readFiles(t, fact.DefaultLimits(), "testdata/deploy/checkout.yaml", "testdata/deploy/worker.yaml")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if out["documents"] != 7 {
		t.Errorf("documents = %v, want 7", out["documents"])
	}
	const c, w = "testdata/deploy/checkout.yaml", "testdata/deploy/worker.yaml"
	checkout := entry(t, out, "workloads", "checkout")
	if checkout["kind"] != "Deployment" || checkout["namespace"] != "shop" || fact.Format(map[string]any{"value": "", "at": checkout["at"]}) != "@"+c+":2:1" {
		t.Errorf("checkout: %v", checkout)
	}
	worker := entry(t, out, "workloads", "ledger-worker")
	pdb := entry(t, out, "disruption_budgets", "checkout")
	hpa := entry(t, out, "autoscalers", "checkout")
	v1 := entry(t, out, "autoscalers", "ledger-worker")
	for _, x := range []struct {
		obj        map[string]any
		fact, want string
	}{
		{checkout, "replicas", "6@" + c + ":10:3"},
		{checkout, "liveness_probe", "/healthz@" + c + ":50:15"},
		{checkout, "readiness_probe", "/ready@" + c + ":54:15"},
		{checkout, "resource_requests", "true@" + c + ":43:13"},
		{checkout, "resource_limits", "true@" + c + ":46:13"},
		{checkout, "zone_spread", "true@" + c + ":23:11"},
		{checkout, "termination_grace_seconds", "45@" + c + ":19:7"},
		{checkout, "pre_stop", "10@" + c + ":59:17"},         // exec: sleep 10
		{checkout, "run_as_non_root", "true@" + c + ":21:9"}, // from the pod
		{checkout, "read_only_root_filesystem", "true@" + c + ":61:13"},
		{checkout, "literal_secret_env", "[]@" + c + ":30:11"}, // DB_PASSWORD comes from a Secret
		{worker, "replicas", "1@" + w + ":5:1 (default)"},
		{worker, "liveness_probe", "false@" + w + ":16:11"},    // the app container has none; the exporter's is not the app's
		{worker, "readiness_probe", "true@" + w + ":25:11"},    // a TCP probe
		{worker, "resource_requests", "false@" + w + ":16:11"}, // limits only
		{worker, "resource_limits", "false@" + w + ":32:11"},
		{worker, "run_as_non_root", "false@" + w + ":16:11"},
		{worker, "zone_spread", "false@" + w + ":14:5"},
		{worker, "termination_grace_seconds", "30@" + w + ":14:5 (default)"},
		{worker, "literal_secret_env", "[API_TOKEN STRIPE_SECRET_KEY]@" + w + ":19:15"},
		{pdb, "min_available", "4@" + c + ":82:3"},
		{entry(t, out, "disruption_budgets", "ledger-worker"), "max_unavailable", "50%@" + w + ":46:3"},
		{hpa, "min_replicas", "6@" + c + ":97:3"},
		{hpa, "max_replicas", "30@" + c + ":98:3"},
		{hpa, "metrics", "[cpu pods:http_requests_per_second]@" + c + ":99:3"},
		{v1, "min_replicas", "1@" + w + ":55:1 (default)"},
		{v1, "metrics", "[cpu]@" + w + ":60:3"},
	} {
		if got := fact.Format(x.obj["facts"].(map[string]any)[x.fact]); got != x.want {
			t.Errorf("%s %s = %s, want %s", x.obj["name"], x.fact, got, x.want)
		}
	}
	if hpa["target"] != "Deployment/checkout" || v1["target"] != "StatefulSet/ledger-worker" {
		t.Errorf("targets: %v %v", hpa["target"], v1["target"])
	}
}

func TestHelmTemplatesAreSkippedWithAWarning(t *testing.T) {
	const tpl = "testdata/chart/templates/deployment.yaml"
	out, ds := readFiles(t, fact.DefaultLimits(), tpl, "testdata/deploy/worker.yaml")
	if len(ds) != 1 || ds[0].Severity != diag.Warning || !strings.HasPrefix(ds[0].Error(), tpl+":4:9: warning: the manifest is a Helm template") {
		t.Fatalf("want one warning at %s:4:9, got %v", tpl, ds)
	}
	skipped := out["skipped"].([]any)
	if len(skipped) != 1 || skipped[0].(map[string]any)["file"] != tpl || skipped[0].(map[string]any)["reason"] != "Helm template" {
		t.Errorf("skipped = %v", skipped)
	}
	if len(out["workloads"].([]any)) != 1 {
		t.Errorf("the other file was not read: %v", out["workloads"])
	}
}

// write puts a manifest in a temporary directory.
func write(t *testing.T, name, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestHostileManifestsAreDiagnosticsAtTheirPosition(t *testing.T) {
	lim := fact.DefaultLimits()
	lim.MaxDocuments = 3
	lim.MaxNesting = 10
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'k'; i++ {
		bomb += string(i) + ": &" + string(i) + " [*" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + ", *" + string(i-1) + "]\n"
	}
	for _, c := range []struct{ name, src, want string }{
		{"bomb.yaml", bomb, ":5:36: error: aliases expand to more than"},
		{"deep.yaml", "kind: Deployment\nspec: " + strings.Repeat("[", 20) + strings.Repeat("]", 20) + "\n", ":2:16: error: the document nests deeper than 10 levels"},
		{"docs.yaml", "kind: A\n---\nkind: B\n---\nkind: C\n---\nkind: D\n", ":6:1: error: more than 3 YAML documents"},
		{"binary.yaml", "kind: Deployment\nspec: \x00\x01\x02\n", ":2:7: error: file is binary"},
		{"syntax.yaml", "kind: Deployment\nspec:\n  replicas: [1, 2\n", ":3:3: error: invalid YAML"},
		{"dup.yaml", "kind: Deployment\nkind: StatefulSet\n", ":2:1: error: duplicate key"},
	} {
		path := write(t, c.name, c.src)
		out, ds := readFiles(t, lim, path, "testdata/deploy/worker.yaml")
		if !ds.HasErrors() || !strings.HasPrefix(ds[0].Error(), path+c.want) || ds[0].Subject == nil || !ds[0].Subject.Start.Known() {
			t.Errorf("%s: want an error at %s%s…, got %v", c.name, path, c.want, ds)
		}
		if len(out["workloads"].([]any)) != 1 {
			t.Errorf("%s: the other file was not read", c.name)
		}
	}
}

func TestPreStopHooks(t *testing.T) {
	for hook, want := range map[string]string{
		"{sleep: {seconds: 15}}": "15@:7:31",
		"{exec: {command: [/bin/sh, -c, \"sleep 5 && nginx -s quit\"]}}": "5@:7:30",
		"{httpGet: {path: /drain, port: 8080}}":                          "true@:7:13",
		"{}":                                                             "false@:6:11",
	} {
		path := write(t, "d.yaml", "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - lifecycle:\n            preStop: "+hook+"\n")
		out, ds := readFiles(t, fact.DefaultLimits(), path)
		if len(ds) > 0 {
			t.Fatal(ds)
		}
		got := strings.Replace(fact.Format(out["workloads"].([]any)[0].(map[string]any)["facts"].(map[string]any)["pre_stop"]), path, "", 1)
		if !strings.HasPrefix(got, want) {
			t.Errorf("preStop %s: %s, want %s…", hook, got, want)
		}
	}
}

func TestSecretLookingNames(t *testing.T) {
	for name, want := range map[string]bool{
		"DB_PASSWORD": true, "api-token": true, "STRIPE_SECRET_KEY": true, "AWS_ACCESS_KEY_ID": true,
		"LOG_LEVEL": false, "KEYCLOAK_URL": false, "TOKENIZER_MODEL": false, "MONKEY": false,
	} {
		if got := secretName(name); got != want {
			t.Errorf("secretName(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestAListOfObjectsIsReadItemByItem(t *testing.T) {
	path := write(t, "list.yaml", "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: a}\n    spec:\n      replicas: 3\n  - apiVersion: policy/v1\n    kind: PodDisruptionBudget\n    metadata: {name: a}\n    spec: {maxUnavailable: 1}\n")
	out, ds := readFiles(t, fact.DefaultLimits(), path)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	a := entry(t, out, "workloads", "a")
	if got, want := fact.Format(a["facts"].(map[string]any)["replicas"]), "3@"+path+":8:7"; got != want {
		t.Errorf("replicas = %s, want %s", got, want)
	}
	if got, want := fact.Format(entry(t, out, "disruption_budgets", "a")["facts"].(map[string]any)["max_unavailable"]), "1@"+path+":12:12"; got != want {
		t.Errorf("max_unavailable = %s, want %s", got, want)
	}
}

// TestReadsStrategyArchitectureEnvJobsAndPolicies reads what a draft
// takes from manifests beyond the claims: how a release replaces the
// pods, the architecture they are pinned to, the env vars that hand them
// resources, the jobs that run the same image, and the network policies.
func TestReadsStrategyArchitectureEnvJobsAndPolicies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "all.yaml")
	src := `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  strategy: {type: Recreate}
  template:
    spec:
      nodeSelector: {kubernetes.io/arch: arm64}
      containers:
        - name: web
          image: registry.example.com/web:1.2.3
          env:
            - {name: LOG_LEVEL, value: debug}
            - name: ORDERS_DB_URL
              valueFrom: {secretKeyRef: {name: db, key: url}}
            - {name: CACHE_URL, value: "redis://cache:6379"}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: store}
spec:
  template:
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - {key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}
      containers:
        - {name: store, image: "store:1"}
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      containers:
        - {name: migrate, image: registry.example.com/web:1.2.3, args: [migrate]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - {name: report, image: "report:2"}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  egress: [{}]
`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, ds := readFiles(t, fact.DefaultLimits(), path)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	web, store := entry(t, out, "workloads", "web"), entry(t, out, "workloads", "store")
	for _, x := range []struct {
		obj        map[string]any
		fact, want string
	}{
		{web, "strategy", "Recreate@" + path + ":5:14"},
		{web, "node_arch", "arm64@" + path + ":8:22"},
		{web, "image", "registry.example.com/web:1.2.3@" + path + ":11:11"},
		{web, "config_env", "[ORDERS_DB_URL CACHE_URL]@" + path + ":14:15"},
		{store, "strategy", "RollingUpdate@" + path + ":21:1 (default)"},
		{store, "node_arch", "absent"}, // two architectures: not pinned
		{store, "config_env", "[]@" + path + ":31:11"},
		{entry(t, out, "jobs", "migrate"), "image", "registry.example.com/web:1.2.3@" + path + ":40:27"},
		{entry(t, out, "jobs", "nightly"), "image", "report:2@" + path + ":51:30"},
	} {
		if got := fact.Format(x.obj["facts"].(map[string]any)[x.fact]); got != x.want {
			t.Errorf("%s %s = %s, want %s", x.obj["name"], x.fact, got, x.want)
		}
	}
	np := entry(t, out, "network_policies", "web")
	if fmt.Sprintf("%v %v %v", np["selector"], np["policy_types"], np["namespace"]) != "map[app:web] [Ingress Egress] shop" {
		t.Errorf("network policy: %v", np)
	}
}

// TestReadsMeshAlertsAndIngresses reads an Istio PeerAuthentication's
// mode, a PrometheusRule's alerts (recording rules aside) and an Ingress's
// hosts and request limits.
func TestReadsMeshAlertsAndIngresses(t *testing.T) {
	const p = "testdata/deploy/operations.yaml"
	out, ds := readFiles(t, fact.DefaultLimits(), p)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	peer := entry(t, out, "peer_authentications", "default")
	if got := fact.Format(peer["facts"].(map[string]any)["mtls_mode"]); got != "STRICT@"+p+":6:10" {
		t.Errorf("mtls_mode = %s", got)
	}
	alerts := entry(t, out, "alert_rules", "shop")["alerts"].([]any)
	if len(alerts) != 1 || fmt.Sprint(alerts[0].(map[string]any)["labels"]) != "map[severity:page slo:availability]" {
		t.Errorf("alerts = %v", alerts)
	}
	ing := entry(t, out, "ingresses", "shop")
	facts := ing["facts"].(map[string]any)
	if got := fmt.Sprintf("%v %s %s", ing["hosts"], fact.Format(facts["max_body_bytes"]), fact.Format(facts["read_timeout_seconds"])); got != "[shop.example.com] 8388608@"+p+":27:5 30@"+p+":28:5" {
		t.Errorf("ingress = %s", got)
	}
}

// Package kubernetes reads Kubernetes manifests (multi-document YAML)
// into facts about the workloads they run: Deployments and StatefulSets
// (replicas, probes, resources, zone spread, shutdown, security context,
// secrets in env, the resources handed in through env, update strategy,
// processor architecture), PodDisruptionBudgets, HorizontalPodAutoscalers,
// Jobs and CronJobs (their image), NetworkPolicies (the pods they
// select), Istio PeerAuthentications (their mTLS mode), PrometheusRules
// (their alerts) and Ingresses (their hosts and body-size and timeout
// annotations),
// each fact at the key that states it.
//
// Manifests are decoded by the design-review loader, with its guards and
// positions, under the artefact limits on documents and nesting. A Helm
// template is not YAML until it is rendered, and archvet renders nothing:
// a file with `{{` is skipped with a warning and listed in "skipped".
package kubernetes

import (
	"bytes"
	"strings"

	"github.com/archvet/archvet/internal/artefact/fact"
	"github.com/archvet/archvet/internal/diag"
)

// Reader reads manifest files.
type Reader struct{}

// Kind is the `_artefacts` key the reader fills.
func (Reader) Kind() string { return "kubernetes" }

// Read returns {"documents", "skipped", "workloads", "disruption_budgets",
// "autoscalers", "jobs", "network_policies", "peer_authentications",
// "alert_rules", "ingresses"}, in the order of the files and of the documents in them.
func (Reader) Read(paths []string, lim fact.Limits) (any, diag.Diagnostics) {
	m := newManifests(lim)
	for _, p := range paths {
		src, bad := fact.ReadFile(p, lim)
		if bad != nil {
			m.diags = append(m.diags, *bad)
			continue
		}
		m.add(p, src)
	}
	return m.result(), m.diags
}

// manifests gathers what the files hold.
type manifests struct {
	lim                                  fact.Limits
	budget, documents                    int
	skipped, workloads, budgets, scalers []any
	jobs, policies, peers, rules         []any
	ingresses                            []any
	diags                                diag.Diagnostics
}

func newManifests(lim fact.Limits) *manifests {
	return &manifests{lim: lim, budget: lim.MaxDocuments, skipped: []any{}, workloads: []any{}, budgets: []any{}, scalers: []any{}, jobs: []any{}, policies: []any{}, peers: []any{}, rules: []any{}, ingresses: []any{}}
}

// add reads one file.
func (m *manifests) add(p string, src []byte) {
	if line, col, ok := template(src); ok {
		at := fact.At{File: p, Line: line, Column: col}
		m.diags = append(m.diags, diag.Warningf(at.Range(), "the manifest is a Helm template ({{ … }}); archvet does not render templates, so it is not read"))
		m.skipped = append(m.skipped, map[string]any{"file": p, "reason": "Helm template", "at": at.Value()})
		return
	}
	docs, ds := fact.LoadYAML(p, src, m.lim, &m.budget)
	m.diags = append(m.diags, ds...)
	m.documents += len(docs)
	for _, d := range docs {
		root := fact.Root(d)
		if root.Key("kind").String() == "List" { // kubectl get -o yaml
			for _, item := range root.Key("items").Items() {
				m.object(item)
			}
			continue
		}
		m.object(root)
	}
}

func (m *manifests) object(obj fact.Node) {
	switch obj.Key("kind").String() {
	case "Deployment", "StatefulSet":
		m.workloads = append(m.workloads, workload(obj))
	case "PodDisruptionBudget":
		m.budgets = append(m.budgets, disruptionBudget(obj))
	case "HorizontalPodAutoscaler":
		m.scalers = append(m.scalers, autoscaler(obj))
	case "Job", "CronJob":
		m.jobs = append(m.jobs, job(obj))
	case "NetworkPolicy":
		m.policies = append(m.policies, networkPolicy(obj))
	case "PeerAuthentication":
		if strings.HasPrefix(obj.Key("apiVersion").String(), "security.istio.io/") {
			m.peers = append(m.peers, peerAuthentication(obj))
		}
	case "PrometheusRule":
		m.rules = append(m.rules, prometheusRule(obj))
	case "Ingress":
		m.ingresses = append(m.ingresses, ingress(obj))
	}
}

func (m *manifests) result() map[string]any {
	return map[string]any{
		"documents":            m.documents,
		"skipped":              m.skipped,
		"workloads":            m.workloads,
		"disruption_budgets":   m.budgets,
		"autoscalers":          m.scalers,
		"jobs":                 m.jobs,
		"network_policies":     m.policies,
		"peer_authentications": m.peers,
		"alert_rules":          m.rules,
		"ingresses":            m.ingresses,
	}
}

// template finds the first `{{` of a Helm template, outside comments.
func template(src []byte) (line, col int, ok bool) {
	for i, l := range bytes.Split(src, []byte("\n")) {
		t := bytes.TrimLeft(l, " \t")
		if bytes.HasPrefix(t, []byte("#")) {
			continue
		}
		if j := bytes.Index(l, []byte("{{")); j >= 0 {
			return i + 1, len([]rune(string(l[:j]))) + 1, true
		}
	}
	return 0, 0, false
}

// object is what every entry shares: kind, name, namespace and position.
func object(root fact.Node) map[string]any {
	out := map[string]any{
		"kind": root.Key("kind").String(),
		"name": root.Get("metadata", "name").String(),
		"at":   root.At().Value(),
	}
	if ns := root.Get("metadata", "namespace").String(); ns != "" {
		out["namespace"] = ns
	}
	return out
}

func disruptionBudget(root fact.Node) map[string]any {
	out := object(root)
	spec := root.Key("spec")
	facts := map[string]any{}
	for key, field := range map[string]string{"min_available": "minAvailable", "max_unavailable": "maxUnavailable"} {
		if f := spec.Key(field).Fact(); f != nil {
			facts[key] = f
		}
	}
	out["facts"] = facts
	if labels := spec.Get("selector", "matchLabels").Map(); labels != nil {
		out["selector"] = labels
	}
	return out
}

func autoscaler(root fact.Node) map[string]any {
	out := object(root)
	spec := root.Key("spec")
	target := spec.Key("scaleTargetRef")
	out["target"] = target.Key("kind").String() + "/" + target.Key("name").String()
	facts := map[string]any{}
	if f := spec.Key("minReplicas").Fact(); f != nil {
		facts["min_replicas"] = f
	} else {
		facts["min_replicas"] = fact.Default(int64(1), spec.At())
	}
	if f := spec.Key("maxReplicas").Fact(); f != nil {
		facts["max_replicas"] = f
	}
	switch {
	case spec.Key("metrics").Present():
		var names []any
		for _, m := range spec.Key("metrics").Items() {
			names = append(names, metricName(m))
		}
		facts["metrics"] = spec.Key("metrics").Known(names)
	case spec.Key("targetCPUUtilizationPercentage").Present(): // autoscaling/v1
		facts["metrics"] = spec.Key("targetCPUUtilizationPercentage").Known([]any{"cpu"})
	default:
		// Without metrics the autoscaler targets 80% CPU.
		facts["metrics"] = fact.Default([]any{"cpu"}, spec.At())
	}
	out["facts"] = facts
	return out
}

// metricName names one metric: the resource for a Resource metric
// ("cpu"), else its type and name ("pods:requests_per_second").
func metricName(m fact.Node) string {
	typ := m.Key("type").String()
	switch typ {
	case "Resource":
		return m.Get("resource", "name").String()
	case "ContainerResource":
		return m.Get("containerResource", "name").String()
	}
	field := strings.ToLower(typ[:min(1, len(typ))]) + typ[min(1, len(typ)):]
	name := m.Get(field, "metric", "name").String()
	return strings.ToLower(typ) + ":" + name
}

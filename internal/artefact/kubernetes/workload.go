package kubernetes

import (
	"strconv"
	"strings"

	"github.com/archvet/archvet/internal/artefact/fact"
)

// zoneKeys are the node labels that name a zone, the current one first.
var zoneKeys = map[string]bool{"topology.kubernetes.io/zone": true, "failure-domain.beta.kubernetes.io/zone": true}

// workload reads a Deployment or StatefulSet. Probes are the app
// container's (the first); resources and the security context must hold
// for every container of the pod (init containers aside): true at the
// first container's setting, or false at the first container that lacks
// it.
func workload(root fact.Node) map[string]any {
	out := object(root)
	spec := root.Key("spec")
	pod := spec.Get("template", "spec")
	containers := pod.Key("containers").Items()
	facts := map[string]any{}
	set := func(key string, f map[string]any) {
		if f != nil {
			facts[key] = f
		}
	}
	if f := spec.Key("replicas").Fact(); f != nil {
		facts["replicas"] = f
	} else {
		facts["replicas"] = fact.Default(int64(1), spec.At())
	}
	set("liveness_probe", probe(containers, "livenessProbe"))
	set("readiness_probe", probe(containers, "readinessProbe"))
	set("resource_requests", every(containers, has("resources", "requests")))
	set("resource_limits", every(containers, has("resources", "limits")))
	set("pre_stop", preStop(containers))
	set("run_as_non_root", every(containers, inherited(pod, "runAsNonRoot")))
	set("read_only_root_filesystem", every(containers, inherited(pod, "readOnlyRootFilesystem")))
	if pod.Present() {
		facts["zone_spread"] = zoneSpread(pod)
		if f := pod.Key("terminationGracePeriodSeconds").Fact(); f != nil {
			facts["termination_grace_seconds"] = f
		} else {
			facts["termination_grace_seconds"] = fact.Default(int64(30), pod.At())
		}
	}
	if len(containers) > 0 {
		facts["literal_secret_env"] = literalSecrets(containers)
		facts["config_env"] = configEnv(containers)
		out["env_at"] = envPositions(containers)
		if img := containers[0].Key("image"); img.String() != "" {
			facts["image"] = img.Known(img.String())
		}
	}
	set("strategy", strategy(root))
	set("node_arch", nodeArch(pod))
	out["facts"] = facts
	if labels := spec.Get("template", "metadata", "labels").Map(); labels != nil {
		out["labels"] = labels
	}
	return out
}

// probe is the app container's probe (the first container, by
// convention): the path it GETs or the command it runs, as
// processes.health_checks names them, else true (a TCP or gRPC probe);
// false at the container when it has none.
func probe(containers []fact.Node, key string) map[string]any {
	if len(containers) == 0 {
		return nil
	}
	c := containers[0]
	p := c.Key(key)
	if len(p.Map()) == 0 {
		if p.Present() {
			return p.Known(false)
		}
		return c.Known(false)
	}
	if path := p.Get("httpGet", "path"); path.String() != "" {
		return path.Known(path.String())
	}
	if cmd := p.Get("exec", "command"); len(cmd.Items()) > 0 {
		var words []string
		for _, w := range cmd.Items() {
			words = append(words, w.String())
		}
		return cmd.Known(strings.Join(words, " "))
	}
	return p.Known(true)
}

// preStop is the first preStop hook of the pod's containers: the seconds
// it waits when it is a sleep (the sleep action, or a command that runs
// `sleep N`), else true; false at the first container when none has one.
// One hook is enough: sidecars rarely need their own delay.
func preStop(containers []fact.Node) map[string]any {
	if len(containers) == 0 {
		return nil
	}
	for _, c := range containers {
		hook := c.Get("lifecycle", "preStop")
		if hook.Map() == nil || len(hook.Map()) == 0 {
			continue
		}
		if n := hook.Get("sleep", "seconds"); n.Present() {
			if _, ok := n.Value().(int64); ok {
				return n.Known(n.Value())
			}
		}
		cmd := hook.Get("exec", "command")
		var words []string
		for _, w := range cmd.Items() {
			words = append(words, strings.Fields(w.String())...)
		}
		for i, w := range words {
			if (w == "sleep" || strings.HasSuffix(w, "/sleep")) && i+1 < len(words) {
				if secs, err := strconv.ParseInt(strings.Trim(words[i+1], `;&"'`), 10, 64); err == nil && secs >= 0 {
					return cmd.Known(secs)
				}
			}
		}
		return hook.Known(true)
	}
	return containers[0].Known(false)
}

// has is a check that a container sets a non-empty value at keys.
func has(keys ...string) func(fact.Node) (fact.Node, bool) {
	return func(c fact.Node) (fact.Node, bool) {
		n := c.Get(keys...)
		switch v := n.Value().(type) {
		case nil:
			return n, false
		case map[string]any:
			return n, len(v) > 0
		}
		return n, true
	}
}

// inherited is a check of a securityContext setting that must be true,
// set on the container or, failing that, on the pod.
func inherited(pod fact.Node, key string) func(fact.Node) (fact.Node, bool) {
	return func(c fact.Node) (fact.Node, bool) {
		n := c.Get("securityContext", key)
		if !n.Present() {
			if p := pod.Get("securityContext", key); p.Present() {
				n = p
			}
		}
		return n, n.Value() == true
	}
}

// every is true when check holds for every container, at the first
// container's setting, else false at the first container it fails for
// (its setting if it has a false one, else the container itself).
func every(containers []fact.Node, check func(fact.Node) (fact.Node, bool)) map[string]any {
	if len(containers) == 0 {
		return nil
	}
	var first fact.Node
	for i, c := range containers {
		n, ok := check(c)
		if !ok {
			if n.Present() {
				return n.Known(false)
			}
			return c.Known(false)
		}
		if i == 0 {
			first = n
		}
	}
	return first.Known(true)
}

// zoneSpread is true at the first topology spread constraint, or pod
// anti-affinity term, over zones; false at the pod spec without one.
func zoneSpread(pod fact.Node) map[string]any {
	for _, c := range pod.Key("topologySpreadConstraints").Items() {
		if zoneKeys[c.Key("topologyKey").String()] {
			return c.Known(true)
		}
	}
	anti := pod.Get("affinity", "podAntiAffinity")
	for _, t := range anti.Key("requiredDuringSchedulingIgnoredDuringExecution").Items() {
		if zoneKeys[t.Key("topologyKey").String()] {
			return t.Known(true)
		}
	}
	for _, t := range anti.Key("preferredDuringSchedulingIgnoredDuringExecution").Items() {
		if zoneKeys[t.Get("podAffinityTerm", "topologyKey").String()] {
			return t.Known(true)
		}
	}
	return pod.Known(false)
}

// secretWords mark an environment variable whose value is a credential.
var secretWords = map[string]bool{
	"PASSWORD": true, "PASSWD": true, "PWD": true, "SECRET": true, "TOKEN": true, "KEY": true,
	"APIKEY": true, "CREDENTIAL": true, "CREDENTIALS": true, "PRIVATE": true, "AUTH": true,
}

// secretName reports an env var name that looks like it holds a secret:
// one of its words (split at _ - .) is a secret word.
func secretName(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToUpper(name), func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		if secretWords[w] {
			return true
		}
	}
	return false
}

// literalSecrets lists the env vars, over all containers, that look like
// secrets and are set with a literal value instead of a Secret reference
// (valueFrom.secretKeyRef): at the first of them, or, with none, at the
// first container.
func literalSecrets(containers []fact.Node) map[string]any {
	return envNames(containers, func(name string, e fact.Node) bool {
		v := e.Key("value").Value()
		return secretName(name) && v != nil && v != ""
	})
}

// envNames lists the env vars, over all containers, that match: at the
// first of them, or, with none, at the first container.
func envNames(containers []fact.Node, match func(name string, e fact.Node) bool) map[string]any {
	names := []any{}
	var at fact.Node
	for _, c := range containers {
		for _, e := range c.Key("env").Items() {
			name := e.Key("name").String()
			if name == "" || !match(name, e) {
				continue
			}
			if len(names) == 0 {
				at = e
			}
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return containers[0].Known(names)
	}
	return at.Known(names)
}

// strategy is how a new release replaces the pods: the Deployment's
// strategy.type or the StatefulSet's updateStrategy.type as written, else
// RollingUpdate, the default of both.
func strategy(root fact.Node) map[string]any {
	spec := root.Key("spec")
	key := "strategy"
	if root.Key("kind").String() == "StatefulSet" {
		key = "updateStrategy"
	}
	if t := spec.Get(key, "type"); t.String() != "" {
		return t.Known(t.String())
	}
	if !spec.Present() {
		return nil
	}
	return fact.Default("RollingUpdate", spec.At())
}

// archKey is the node label that names a node's processor architecture.
const archKey = "kubernetes.io/arch"

// nodeArch is the one processor architecture the pod is pinned to, by
// its nodeSelector or a required node affinity term In one value; nil
// when it runs on any.
func nodeArch(pod fact.Node) map[string]any {
	if n := pod.Get("nodeSelector", archKey); n.String() != "" {
		return n.Known(n.String())
	}
	terms := pod.Get("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms").Items()
	for _, t := range terms {
		for _, e := range t.Key("matchExpressions").Items() {
			if e.Key("key").String() != archKey || e.Key("operator").String() != "In" {
				continue
			}
			if vals := e.Key("values").Items(); len(vals) == 1 && len(terms) == 1 {
				return vals[0].Known(vals[0].String())
			}
		}
	}
	return nil
}

// configEnv lists the env vars, over all containers, that hand the
// process an attached resource through its config: set from a Secret or
// ConfigMap key, or to a literal URL (scheme://...).
func configEnv(containers []fact.Node) map[string]any {
	return envNames(containers, func(_ string, e fact.Node) bool {
		ref := e.Get("valueFrom", "secretKeyRef").Present() || e.Get("valueFrom", "configMapKeyRef").Present()
		return ref || strings.Contains(e.Key("value").String(), "://")
	})
}

// job reads a Job, or a CronJob's job template: the image of its first
// container, so a one-off task can be told to run the service's release.
func job(root fact.Node) map[string]any {
	out := object(root)
	spec := root.Key("spec")
	if root.Key("kind").String() == "CronJob" {
		spec = spec.Get("jobTemplate", "spec")
	}
	facts := map[string]any{}
	containers := spec.Get("template", "spec", "containers").Items()
	if len(containers) > 0 {
		if img := containers[0].Key("image"); img.String() != "" {
			facts["image"] = img.Known(img.String())
		}
	}
	out["facts"] = facts
	return out
}

// networkPolicy reads a NetworkPolicy: the pods it selects (an empty
// selector selects every pod of its namespace) and the directions it
// restricts.
func networkPolicy(root fact.Node) map[string]any {
	out := object(root)
	spec := root.Key("spec")
	out["selector"] = map[string]any{}
	if labels := spec.Get("podSelector", "matchLabels").Map(); labels != nil {
		out["selector"] = labels
	}
	var types []any
	for _, t := range spec.Key("policyTypes").Items() {
		types = append(types, t.String())
	}
	if len(types) == 0 { // the API's default: Ingress, plus Egress when egress rules are given
		types = []any{"Ingress"}
		if spec.Key("egress").Present() {
			types = append(types, "Egress")
		}
	}
	out["policy_types"] = types
	return out
}

// peerAuthentication reads an Istio PeerAuthentication: the mTLS mode it
// sets for the pods it selects (all of its namespace without a selector,
// the whole mesh in the root namespace).
func peerAuthentication(root fact.Node) map[string]any {
	out := object(root)
	spec := root.Key("spec")
	out["selector"] = map[string]any{}
	if labels := spec.Get("selector", "matchLabels").Map(); labels != nil {
		out["selector"] = labels
	}
	facts := map[string]any{}
	if mode := spec.Get("mtls", "mode"); mode.String() != "" {
		facts["mtls_mode"] = mode.Known(mode.String())
	}
	out["facts"] = facts
	return out
}

// prometheusRule reads the alerting rules of a PrometheusRule (Prometheus
// Operator): each alert's name, labels and annotations, at its alert key.
func prometheusRule(root fact.Node) map[string]any {
	out := object(root)
	alerts := []any{}
	for _, g := range root.Get("spec", "groups").Items() {
		for _, r := range g.Key("rules").Items() {
			name := r.Key("alert")
			if name.String() == "" {
				continue // a recording rule
			}
			a := map[string]any{"name": name.String(), "at": name.At().Value(), "labels": stringMap(r.Key("labels")), "annotations": stringMap(r.Key("annotations"))}
			alerts = append(alerts, a)
		}
	}
	out["alerts"] = alerts
	return out
}

// stringMap is a mapping's string values.
func stringMap(n fact.Node) map[string]any {
	out := map[string]any{}
	for k, v := range n.Map() {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

// ingress reads an Ingress: the hosts its rules route, and the request
// limits its annotations set (ingress-nginx: the largest body, the
// longest wait for the upstream's answer).
func ingress(root fact.Node) map[string]any {
	out := object(root)
	hosts := []any{}
	for _, r := range root.Get("spec", "rules").Items() {
		if h := r.Key("host").String(); h != "" {
			hosts = append(hosts, h)
		}
	}
	out["hosts"] = hosts
	facts := map[string]any{}
	ann := root.Get("metadata", "annotations")
	if n := ann.Key("nginx.ingress.kubernetes.io/proxy-body-size"); n.String() != "" {
		if b, ok := nginxSize(n.String()); ok {
			facts["max_body_bytes"] = n.Known(b)
		}
	}
	if n := ann.Key("nginx.ingress.kubernetes.io/proxy-read-timeout"); n.String() != "" {
		if secs, err := strconv.ParseInt(n.String(), 10, 64); err == nil && secs > 0 {
			facts["read_timeout_seconds"] = n.Known(secs)
		}
	}
	out["facts"] = facts
	return out
}

// nginxSize reads an nginx size (64k, 1m, 1024): bytes; 0 means no limit
// and is not a size.
func nginxSize(s string) (int64, bool) {
	mult := int64(1)
	switch strings.ToLower(s[len(s)-1:]) {
	case "k":
		mult, s = 1<<10, s[:len(s)-1]
	case "m":
		mult, s = 1<<20, s[:len(s)-1]
	case "g":
		mult, s = 1<<30, s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > 1<<40/mult {
		return 0, false
	}
	return n * mult, true
}

// envPositions places each env var of the containers, the first of a
// name, so a field derived from one var points at it.
func envPositions(containers []fact.Node) map[string]any {
	out := map[string]any{}
	for _, c := range containers {
		for _, e := range c.Key("env").Items() {
			if name := e.Key("name").String(); name != "" && out[name] == nil {
				out[name] = e.At().Value()
			}
		}
	}
	return out
}

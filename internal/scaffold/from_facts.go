package scaffold

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

// What a draft takes from the manifests, the API specs and the documents
// beyond the facts a check derives. Each value is one an artefact writes
// literally, at the key or line that writes it; a setting left to its
// default, an expression, or anything a file only suggests fills nothing.

// serviceWorkload is the Deployment or StatefulSet named like the
// service, else the only one, as the claim rules pick it (lib.service_workload).
func (d *drafter) serviceWorkload(k map[string]any) map[string]any {
	name, _ := lookup(d.doc.Value, "service", "name").(string)
	var all, named []map[string]any
	for _, w := range asList(k["workloads"]) {
		wm := asMap(w)
		if kind := str(wm["kind"]); kind != "Deployment" && kind != "StatefulSet" {
			continue
		}
		all = append(all, wm)
		if normalName(str(wm["name"])) == normalName(name) {
			named = append(named, wm)
		}
	}
	switch {
	case len(named) == 1:
		return named[0]
	case len(named) == 0 && len(all) == 1:
		return all[0]
	}
	return nil
}

func normalName(s string) string { return strings.ReplaceAll(strings.ToLower(s), "_", "-") }

// strategies maps a workload's update strategy to deployment.strategy.
var strategies = map[string]string{"RollingUpdate": "rolling", "Recreate": "recreate"}

// architectures maps the kubernetes.io/arch label to capacity.compute.
var architectures = map[string]string{"arm64": "arm", "arm": "arm", "amd64": "x86", "386": "x86"}

// manifests fills what the service's workload says of how it runs: on
// Kubernetes, replaced by its update strategy, drained after its preStop
// delay, kept up by its disruption budget, pinned to a processor
// architecture, behind a network policy, with one-off jobs running its
// image, and handed its stores through env.
func (d *drafter) manifests(k map[string]any) {
	w := d.serviceWorkload(k)
	if w == nil {
		return
	}
	at := rangeOf(asMap(w["at"]))
	d.set([]string{"deployment", "platform"}, "kubernetes", at)
	facts := asMap(w["facts"])
	if v, vat, ok := known(facts, "strategy"); ok && strategies[str(v)] != "" {
		d.set([]string{"deployment", "strategy"}, strategies[str(v)], vat)
	}
	if v, vat, ok := known(facts, "pre_stop"); ok {
		if n, isInt := v.(int64); isInt {
			d.set([]string{"processes", "shutdown", "pre_stop_seconds"}, n, vat)
		}
	}
	if v, vat, ok := known(facts, "node_arch"); ok && architectures[str(v)] != "" {
		d.set([]string{"capacity", "compute"}, architectures[str(v)], vat)
	}
	labels := asMap(w["labels"])
	for _, b := range asList(k["disruption_budgets"]) {
		bm := asMap(b)
		if !selects(asMap(bm["selector"]), labels) {
			continue
		}
		if v, vat, ok := known(asMap(bm["facts"]), "max_unavailable"); ok {
			if n, isInt := v.(int64); isInt {
				d.set([]string{"deployment", "disruption_budget", "max_unavailable"}, n, vat)
			}
		}
		break
	}
	for _, p := range asList(k["network_policies"]) {
		pm := asMap(p)
		if str(pm["namespace"]) == str(w["namespace"]) && selects(asMap(pm["selector"]), labels) {
			d.set([]string{"security", "network_acls"}, true, rangeOf(asMap(pm["at"])))
			break
		}
	}
	if img, _, ok := known(facts, "image"); ok {
		for _, j := range asList(k["jobs"]) {
			jm := asMap(j)
			if str(jm["kind"]) != "Job" {
				continue // a CronJob is scheduled work, not an admin task
			}
			if v, jat, ok := known(asMap(jm["facts"]), "image"); ok && v == img {
				d.set([]string{"processes", "admin_tasks", "mode"}, "one-off-process", jat)
				d.set([]string{"processes", "admin_tasks", "same_release"}, true, jat)
				break
			}
		}
	}
	if v, _, ok := known(facts, "config_env"); ok {
		d.attached(asList(v), asMap(w["env_at"]))
	}
	// An image pulled by digest is content-addressed: it cannot change.
	if v, vat, ok := known(facts, "image"); ok && strings.Contains(str(v), "@sha256:") {
		d.set([]string{"build", "artifact", "immutable"}, true, vat)
	}
	// A read-only root file system on every container leaves no way to
	// change the code a running instance runs.
	if v, vat, ok := known(facts, "read_only_root_filesystem"); ok && v == true {
		d.set([]string{"build", "runtime_code_changes"}, false, vat)
	}
	for _, p := range asList(k["peer_authentications"]) {
		pm := asMap(p)
		if v, pat, ok := known(asMap(pm["facts"]), "mtls_mode"); ok && v == "STRICT" &&
			(str(pm["namespace"]) == str(w["namespace"]) || str(pm["namespace"]) == "istio-system") && selects(asMap(pm["selector"]), labels) {
			d.set([]string{"security", "tls", "internal"}, "mtls", pat)
			break
		}
	}
	d.alerts(k)
	d.ingresses(k)
}

// alertSeverities are the alert labels that say how an alert is routed,
// in the words of observability.alerts[].severity.
var alertSeverities = map[string]bool{"page": true, "ticket": true, "info": true}

// alerts lists the alerting rules of the PrometheusRules: each named, with
// its severity when its severity label is one of page, ticket or info,
// its runbook when its runbook_url annotation is a file of the
// repository, and the SLO it watches when its slo label names one of the
// draft's SLOs; an alert on an SLO's burn is a symptom alert.
func (d *drafter) alerts(k map[string]any) {
	slos := map[string]bool{}
	for _, s := range asList(d.doc.Value["slos"]) {
		slos[str(asMap(s)["name"])] = true
	}
	var entries []any
	var ats []diag.Range
	var first diag.Range
	for _, r := range asList(k["alert_rules"]) {
		for _, a := range asList(asMap(r)["alerts"]) {
			am := asMap(a)
			at := rangeOf(asMap(am["at"]))
			if first.Filename == "" {
				first = at
			}
			e := map[string]any{"name": str(am["name"])}
			labels, ann := asMap(am["labels"]), asMap(am["annotations"])
			if sev := str(labels["severity"]); alertSeverities[sev] {
				e["severity"] = sev
			}
			if slo := str(labels["slo"]); slos[slo] {
				e["slo"], e["based_on"] = slo, "symptom"
			}
			if rb := str(ann["runbook_url"]); rb != "" && !strings.Contains(rb, "://") {
				e["runbook"] = rb
			}
			entries = append(entries, e)
			ats = append(ats, at)
		}
	}
	if len(entries) == 0 || lookup(d.doc.Value, "observability", "alerts") != nil ||
		!setPath(d.doc.Value, []string{"observability", "alerts"}, entries) {
		return
	}
	d.doc.Index.Add("observability.alerts", first)
	for i, e := range entries {
		p := document.JoinIndex("observability.alerts", i)
		d.doc.Index.Add(p, ats[i])
		for key := range asMap(e) {
			d.doc.Index.Add(document.JoinKey(p, key), ats[i])
		}
	}
}

// ingresses bound each API by the Ingress that routes its spec's host:
// the largest request body it lets through (apis[].max_request_bytes)
// and how long it waits for the service's answer (apis[].timeout_ms).
func (d *drafter) ingresses(k map[string]any) {
	for i, a := range asList(d.doc.Value["apis"]) {
		api := asMap(a)
		for _, s := range asList(asMap(d.facts[checks.KindOpenAPI])["specs"]) {
			spec := asMap(s)
			if str(spec["ref"]) != str(api["spec"]) {
				continue
			}
			for _, g := range asList(k["ingresses"]) {
				gm := asMap(g)
				if !sharesHost(asList(spec["hosts"]), asList(gm["hosts"])) {
					continue
				}
				facts := asMap(gm["facts"])
				if v, at, ok := known(facts, "max_body_bytes"); ok {
					d.setEntry("apis", i, "max_request_bytes", v, at)
				}
				if v, at, ok := known(facts, "read_timeout_seconds"); ok {
					if n, isInt := v.(int64); isInt {
						d.setEntry("apis", i, "timeout_ms", n*1000, at)
					}
				}
			}
		}
	}
}

func sharesHost(a, b []any) bool {
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(str(x), str(y)) {
				return true
			}
		}
	}
	return false
}

// selects reports whether a label selector picks a pod with labels; an
// empty selector picks every pod.
func selects(selector, labels map[string]any) bool {
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return true
}

// attached says a data store is found through config when the workload
// is handed an env var named after it (ORDERS_DB_URL for orders-db) from
// a Secret, a ConfigMap or as a URL.
func (d *drafter) attached(env []any, at map[string]any) {
	for i, s := range asList(d.doc.Value["data_stores"]) {
		name := normalName(str(asMap(s)["name"]))
		if name == "" {
			continue
		}
		for _, e := range env {
			if words := normalName(str(e)); strings.HasPrefix(words, name+"-") || strings.Contains(words, "-"+name+"-") || words == name {
				d.setEntry("data_stores", i, "attached_by", "url-in-config", rangeOf(asMap(at[str(e)])))
				break
			}
		}
	}
}

// idempotency says how an API makes retried writes safe: every write
// operation of its spec requires an Idempotency-Key header (keys), or it
// has no write operation at all (read-only).
func (d *drafter) idempotency() {
	for i, a := range asList(d.doc.Value["apis"]) {
		api := asMap(a)
		for _, s := range asList(asMap(d.facts[checks.KindOpenAPI])["specs"]) {
			spec := asMap(s)
			if str(spec["ref"]) != str(api["spec"]) || len(asList(spec["operations"])) == 0 {
				continue
			}
			writes, keyed := 0, 0
			var first diag.Range
			for _, o := range asList(spec["operations"]) {
				v, at, ok := known(asMap(asMap(o)["facts"]), "idempotency_key")
				if !ok {
					continue
				}
				writes++
				if v == true {
					keyed++
					if first.Filename == "" {
						first = at
					}
				}
			}
			switch {
			case writes == 0:
				d.setEntry("apis", i, "idempotency", "read-only", rangeOf(asMap(spec["at"])))
			case keyed == writes:
				d.setEntry("apis", i, "idempotency", "keys", first)
			}
		}
	}
}

// --- the documents the draft cites --------------------------------------------

// statement is a labelled statement of a document: a line such as
// "RTO 10 minutes" or "Last exercised 2026-08-30" fills a field with what
// it says.
type statement struct {
	keys []string
	re   *regexp.Regexp
	// value turns the match into the field's value; ok false fills nothing.
	value func(m []string) (any, bool)
}

const isoDate = `(\d{4}-\d{2}-\d{2})`

func date(m []string) (any, bool) {
	_, err := time.Parse("2006-01-02", m[len(m)-1])
	return m[len(m)-1], err == nil
}

// minutes reads "10 minutes", "2 hours", "30 min", "1h" as minutes.
func minutes(m []string) (any, bool) {
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil || n < 0 {
		return nil, false
	}
	if strings.HasPrefix(strings.ToLower(m[2]), "h") {
		n *= 60
	}
	return number(n), true
}

// number is n as an integer when it is one.
func number(n float64) any {
	if n == float64(int64(n)) {
		return int64(n)
	}
	return n
}

func duration(label string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b` + label + `\b[\s:=–-]*(?:of\s+|is\s+)?(\d+(?:\.\d+)?)\s*(minutes?|mins?|m|hours?|hrs?|h)\b`)
}

// statements are read, per field citing a document, from that document.
var statements = map[string][]statement{
	"disaster_recovery.plan": {
		{[]string{"disaster_recovery", "rto_minutes"}, duration(`RTO`), minutes},
		{[]string{"disaster_recovery", "rpo_minutes"}, duration(`RPO`), minutes},
		{[]string{"disaster_recovery", "strategy"}, regexp.MustCompile(`(?i)\bstrategy\s*[:–-]\s*(backup[- ](?:and[- ])?restore|pilot[- ]light|warm[- ]standby|active[- ]active)\b`),
			func(m []string) (any, bool) {
				s := strings.ToLower(strings.ReplaceAll(m[1], " ", "-"))
				return strings.ReplaceAll(s, "-and-", "-"), true
			}},
		{[]string{"disaster_recovery", "last_tested"}, regexp.MustCompile(`(?i)\blast\s+(?:exercised|tested|drilled|rehearsed|failover test(?:ed)?)\s*(?:on\s+)?[:–-]?\s*` + isoDate), date},
	},
	"security.incident_response.playbook": {
		{[]string{"security", "incident_response", "last_exercise"}, regexp.MustCompile(`(?i)\blast\s+(?:tabletop\s+)?(?:exercise|exercised|rehearsal|rehearsed|simulation|drill)\s*(?:on\s+)?[:–-]?\s*` + isoDate), date},
	},
	"security.threat_model": {
		{[]string{"security", "threat_model_updated"}, regexp.MustCompile(`(?i)\blast\s+(?:reviewed|updated|revised)\s*(?:on\s+)?[:–-]?\s*` + isoDate), date},
	},
	"capacity.plan": {
		{[]string{"capacity", "peak_rps"}, regexp.MustCompile(`(?i)\bpeak\b\s*[:–-]?\s*(?:of\s+)?(\d[\d,]*(?:\.\d+)?)\s*(?:requests per second|requests/s|req/s|rps)\b`),
			func(m []string) (any, bool) {
				n, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
				return number(n), err == nil
			}},
		{[]string{"capacity", "load_test", "last_run"}, regexp.MustCompile(`(?i)\bload[- ]tested\b[^.\n]*?\bon\s+` + isoDate), date},
		{[]string{"capacity", "load_test", "peak_multiple"}, regexp.MustCompile(`(?i)\bload[- ]tested\b[^.\n]*?\((\d+(?:\.\d+)?)\s*[x×]\)`),
			func(m []string) (any, bool) {
				n, err := strconv.ParseFloat(m[1], 64)
				return number(n), err == nil
			}},
	},
}

// statementFields are the fields of statements in a fixed order, so the
// draft does not depend on map order.
var statementFields = []string{"disaster_recovery.plan", "security.incident_response.playbook", "security.threat_model", "capacity.plan"}

// statements reads the labelled statements of each document the draft
// cites, at the line that makes them. A load test the capacity plan dates
// was performed.
func (d *drafter) statements(f *finder) {
	for _, field := range statementFields {
		rel, _ := lookup(d.doc.Value, strings.Split(field, ".")...).(string)
		if rel == "" || strings.Contains(rel, "://") {
			continue
		}
		path := filepath.Join(f.dir, filepath.FromSlash(rel))
		src := f.sniff(path)
		if src == nil {
			continue
		}
		text := string(src)
		for _, s := range statements[field] {
			loc := s.re.FindStringSubmatchIndex(text)
			if loc == nil {
				continue
			}
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = text[loc[2*i]:loc[2*i+1]]
				}
			}
			v, ok := s.value(m)
			if !ok {
				continue
			}
			before := text[:loc[0]]
			at := diag.Range{Filename: path, Start: diag.Pos{Line: 1 + strings.Count(before, "\n"), Column: len([]rune(before[strings.LastIndex(before, "\n")+1:])) + 1}}
			d.set(s.keys, v, at)
			if s.keys[len(s.keys)-1] == "last_run" {
				d.set([]string{"capacity", "load_test", "performed"}, true, at)
			}
		}
	}
}

// operations fills what the Terraform says of how the service is run:
// the tags a provider gives every resource (cost.tagging when they name
// the service and its owner, cost.cost_center), a monthly budget in USD
// and whether it alerts, and the PagerDuty schedule and escalation policy
// named like the service (else the only one).
func (d *drafter) operations(tf map[string]any) {
	// Tagging holds when every provider configuration tags every resource
	// it creates with the service and its owner.
	providers := asList(tf["providers"])
	tagged := len(providers) > 0
	var taggedAt diag.Range
	for _, p := range providers {
		tags, at, ok := known(asMap(p), "default_tags")
		keys := map[string]bool{}
		for k, f := range asMap(tags) {
			norm := strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(k))
			keys[norm] = true
			if v, vat, ok := known(map[string]any{"t": f}, "t"); ok && norm == "costcenter" {
				d.set([]string{"cost", "cost_center"}, v, vat)
			}
		}
		if !ok || !keys["service"] || !(keys["owner"] || keys["team"]) {
			tagged = false
		} else if taggedAt.Filename == "" {
			taggedAt = at
		}
	}
	if tagged {
		d.set([]string{"cost", "tagging"}, true, taggedAt)
	}
	for _, b := range asList(tf["budgets"]) {
		facts := asMap(asMap(b)["facts"])
		unit, _, uok := known(facts, "limit_unit")
		period, _, pok := known(facts, "time_unit")
		amount, aat, aok := known(facts, "limit_amount")
		if !uok || !pok || !aok || unit != "USD" || period != "MONTHLY" {
			continue
		}
		n, err := strconv.ParseFloat(str(amount), 64)
		if err != nil || n < 0 {
			continue
		}
		d.set([]string{"cost", "monthly_budget_usd"}, number(n), aat)
		if v, nat, ok := known(facts, "notifications"); ok {
			d.set([]string{"cost", "budget_alerts"}, v.(int64) > 0, nat)
		}
		break
	}
	if s := d.named(asList(tf["schedules"])); s != nil {
		if v, at, ok := known(s, "name"); ok {
			d.set([]string{"operations", "on_call", "rotation"}, v, at)
		}
		if v, at, ok := known(s, "around_the_clock"); ok && v == true {
			d.set([]string{"operations", "on_call", "hours"}, "24x7", at)
		}
	}
	if p := d.named(asList(tf["escalation_policies"])); p != nil {
		if v, at, ok := known(p, "levels"); ok {
			d.set([]string{"operations", "on_call", "escalation"}, v.(int64) >= 2, at)
		}
	}
}

// named is the entry whose literal name holds the service's name, else
// the only entry; nil otherwise.
func (d *drafter) named(list []any) map[string]any {
	service, _ := lookup(d.doc.Value, "service", "name").(string)
	var hits []map[string]any
	for _, e := range list {
		if v, _, ok := known(asMap(e), "name"); ok && service != "" && strings.Contains(normalName(str(v)), normalName(service)) {
			hits = append(hits, asMap(e))
		}
	}
	switch {
	case len(hits) == 1:
		return hits[0]
	case len(hits) == 0 && len(list) == 1:
		return asMap(list[0])
	}
	return nil
}

package scaffold

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/diag"
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
	if v, vat, ok := known(facts, "config_env"); ok {
		d.attached(asList(v), vat)
	}
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
func (d *drafter) attached(env []any, at diag.Range) {
	for i, s := range asList(d.doc.Value["data_stores"]) {
		name := normalName(str(asMap(s)["name"]))
		if name == "" {
			continue
		}
		for _, e := range env {
			if words := normalName(str(e)); strings.HasPrefix(words, name+"-") || strings.Contains(words, "-"+name+"-") || words == name {
				d.setEntry("data_stores", i, "attached_by", "url-in-config", at)
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

package checks

import (
	"bytes"
	"encoding/json"
	"path"
	"path/filepath"
	"strings"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

// Derived is a field the review leaves out and an artefact states: archvet
// fills it, as imports do, indexed at the artefact, and it counts as a
// verified claim.
type Derived struct {
	// Path is the review field filled, e.g. processes.scaling.min_replicas.
	Path string `json:"path"`
	Key  string `json:"key,omitempty"`
	// Value is what was filled in.
	Value any `json:"value"`
	// Kind is the artefact kind it came from (terraform, kubernetes, openapi).
	Kind string `json:"kind"`
	// At is the artefact's position.
	At diag.Range `json:"-"`
}

// Derive fills the review fields that its artefacts state and it leaves
// out (docs/format.md#artefacts lists them):
//
//	Kubernetes workload named like the service (else the only one):
//	  spec.replicas, or its HorizontalPodAutoscaler's minReplicas
//	                                  processes.scaling.min_replicas
//	  HorizontalPodAutoscaler maxReplicas  processes.scaling.max_replicas
//	  liveness and readiness probes on every container (named: "the
//	  livenessProbe of Deployment/checkout")
//	                                  processes.health_checks.liveness, .readiness
//	  terminationGracePeriodSeconds   processes.shutdown.grace_period_seconds
//	Terraform resource named like a data_stores entry:
//	  backups taken                   data_stores[].backups.enabled
//	  backup retention (days)         data_stores[].backups.retention_days
//	  point-in-time recovery          data_stores[].backups.point_in_time
//	  multi-AZ                        data_stores[].replication.multi_az
//	  cross-region replica            data_stores[].replication.cross_region
//	  encryption at rest              data_stores[].encryption_at_rest
//	  deletion protection, or lifecycle prevent_destroy
//	                                  data_stores[].deletion_protection
//	(the resource a store's terraform field names, else the one named like it)
//	OpenAPI spec named by an apis entry's spec:
//	  the version in servers or paths apis[].versioning: url
//	  the one kind of security scheme its operations require
//	                                  apis[].authentication
//	  the largest page size of its list operations
//	                                  apis[].max_page_size
//
// Only values the artefact writes are used: an unknown (an expression),
// or a setting left to its default, fills nothing.
func Derive(doc *document.Document, facts map[string]any) []Derived {
	d := &deriver{doc: doc}
	d.kubernetes(asMap(facts[KindKubernetes]))
	d.terraform(asMap(facts[KindTerraform]))
	d.openapi(asMap(facts[KindOpenAPI]))
	return d.out
}

type deriver struct {
	doc *document.Document
	out []Derived
}

// fact is the literal value of one fact and its position; ok is false for
// an unknown or absent fact, and for a setting the artefact leaves to its
// default: that is the platform's choice, not something the team wrote.
func fact(facts map[string]any, key string) (any, diag.Range, bool) {
	f := asMap(facts[key])
	if f == nil || f["unknown"] == true || f["default"] == true {
		return nil, diag.Range{}, false
	}
	v, ok := f["value"]
	if !ok || v == nil {
		return nil, diag.Range{}, false
	}
	r := rangeFrom(asMap(f["at"]))
	return v, r, r.Filename != ""
}

func rangeFrom(at map[string]any) diag.Range {
	file, _ := at["file"].(string)
	r := diag.Range{Filename: file}
	if n, ok := whole(at["line"]); ok && n > 0 {
		r.Start.Line = int(n)
	}
	if n, ok := whole(at["column"]); ok && n > 0 {
		r.Start.Column = int(n)
	}
	r.End = r.Start
	return r
}

// set fills the field at keys (below the object at base) unless the review
// has it. Objects it creates are not indexed, as with imports: a finding
// about a field missing from them points into the review.
func (d *deriver) set(base map[string]any, basePath string, keys []string, value any, kind string, at diag.Range) {
	obj, p := base, basePath
	for _, k := range keys[:len(keys)-1] {
		p = document.JoinKey(p, k)
		next, exists := obj[k]
		if !exists {
			created := map[string]any{}
			obj[k] = created
			obj = created
			continue
		}
		o, ok := next.(map[string]any)
		if !ok {
			return
		}
		obj = o
	}
	last := keys[len(keys)-1]
	if _, exists := obj[last]; exists {
		return
	}
	obj[last] = value
	p = document.JoinKey(p, last)
	d.doc.Index.Add(p, at)
	d.out = append(d.out, Derived{Path: p, Key: d.doc.Key(p), Value: value, Kind: kind, At: at})
}

func (d *deriver) kubernetes(k map[string]any) {
	if k == nil {
		return
	}
	name, _ := lookup(d.doc.Value, "service", "name").(string)
	var chosen map[string]any
	var candidates []map[string]any
	for _, w := range asList(k["workloads"]) {
		wm := asMap(w)
		if wm == nil {
			continue
		}
		if kind, _ := wm["kind"].(string); kind != "Deployment" && kind != "StatefulSet" {
			continue
		}
		candidates = append(candidates, wm)
		if n, _ := wm["name"].(string); n == name && name != "" && chosen == nil {
			chosen = wm
		}
	}
	if chosen == nil && len(candidates) == 1 {
		chosen = candidates[0]
	}
	if chosen == nil {
		return
	}
	facts := asMap(chosen["facts"])
	target := strings.TrimSpace(str(chosen["kind"]) + "/" + str(chosen["name"]))
	var hpa map[string]any
	for _, a := range asList(k["autoscalers"]) {
		if am := asMap(a); am != nil && str(am["target"]) == target {
			hpa = asMap(am["facts"])
			break
		}
	}
	root := d.doc.Value
	if v, at, ok := fact(hpa, "min_replicas"); ok {
		if n, ok := whole(v); ok && n >= 0 {
			d.set(root, "", []string{"processes", "scaling", "min_replicas"}, n, KindKubernetes, at)
		}
	} else if v, at, ok := fact(facts, "replicas"); ok {
		if n, ok := whole(v); ok && n >= 0 {
			d.set(root, "", []string{"processes", "scaling", "min_replicas"}, n, KindKubernetes, at)
		}
	}
	if v, at, ok := fact(hpa, "max_replicas"); ok {
		if n, ok := whole(v); ok && n >= 0 {
			d.set(root, "", []string{"processes", "scaling", "max_replicas"}, n, KindKubernetes, at)
		}
	}
	for _, probe := range []struct{ fact, field, key string }{{"liveness_probe", "liveness", "livenessProbe"}, {"readiness_probe", "readiness", "readinessProbe"}} {
		v, at, ok := fact(facts, probe.fact)
		if !ok {
			continue
		}
		switch p := v.(type) {
		case string:
			if strings.TrimSpace(p) != "" {
				d.set(root, "", []string{"processes", "health_checks", probe.field}, p, KindKubernetes, at)
			}
		case bool:
			// The manifest says every container has the probe, not what it
			// calls: the field names the probe it is.
			if p {
				d.set(root, "", []string{"processes", "health_checks", probe.field}, "the "+probe.key+" of "+target, KindKubernetes, at)
			}
		}
	}
	if v, at, ok := fact(facts, "termination_grace_seconds"); ok {
		if n, ok := number(v); ok && n >= 0 {
			d.set(root, "", []string{"processes", "shutdown", "grace_period_seconds"}, tidy(n), KindKubernetes, at)
		}
	}
}

func (d *deriver) terraform(t map[string]any) {
	if t == nil {
		return
	}
	stores, _ := d.doc.Value["data_stores"].([]any)
	for i, s := range stores {
		store, _ := s.(map[string]any)
		name, _ := store["name"].(string)
		if store == nil || name == "" {
			continue
		}
		// A store that names its resource (data_stores[].terraform) is
		// that resource; else the one named like it.
		match, by := name, "name"
		if addr, ok := store["terraform"].(string); ok {
			match, by = addr, "address"
		}
		var res map[string]any
		for _, r := range asList(t["resources"]) {
			if rm := asMap(r); rm != nil && str(rm[by]) == match {
				res = rm
				break
			}
		}
		if res == nil {
			continue
		}
		facts := asMap(res["facts"])
		base := document.JoinIndex("data_stores", i)
		if v, at, ok := fact(facts, "backup_retention_days"); ok {
			if n, ok := whole(v); ok && n >= 0 {
				d.set(store, base, []string{"backups", "retention_days"}, n, KindTerraform, at)
			}
		}
		for _, b := range []struct {
			fact string
			keys []string
		}{
			{"backups_enabled", []string{"backups", "enabled"}},
			{"point_in_time", []string{"backups", "point_in_time"}},
			{"multi_az", []string{"replication", "multi_az"}},
			{"cross_region_replica", []string{"replication", "cross_region"}},
			{"encrypted_at_rest", []string{"encryption_at_rest"}},
		} {
			if v, at, ok := fact(facts, b.fact); ok {
				if on, ok := v.(bool); ok {
					d.set(store, base, b.keys, on, KindTerraform, at)
				}
			}
		}
		d.deletionProtection(store, base, facts)
	}
}

// deletionProtection fills data_stores[].deletion_protection: true when
// the provider's protection or lifecycle prevent_destroy is written true,
// false when the protection is written false and prevent_destroy is not
// written true.
func (d *deriver) deletionProtection(store map[string]any, base string, facts map[string]any) {
	p, pat, pok := fact(facts, "deletion_protection")
	x, xat, xok := fact(facts, "prevent_destroy")
	switch {
	case pok && p == true:
		d.set(store, base, []string{"deletion_protection"}, true, KindTerraform, pat)
	case xok && x == true:
		d.set(store, base, []string{"deletion_protection"}, true, KindTerraform, xat)
	case pok && p == false:
		d.set(store, base, []string{"deletion_protection"}, false, KindTerraform, pat)
	}
}

// authKinds are the apis[].authentication values a spec's security
// scheme can name.
var authKinds = map[string]bool{"oauth2": true, "oidc": true, "mtls": true, "jwt": true, "api-key": true}

func (d *deriver) openapi(o map[string]any) {
	if o == nil {
		return
	}
	apis, _ := d.doc.Value["apis"].([]any)
	for i, a := range apis {
		api, _ := a.(map[string]any)
		spec, _ := api["spec"].(string)
		if api == nil || strings.TrimSpace(spec) == "" || hasScheme(spec) {
			continue
		}
		var s map[string]any
		for _, sp := range asList(o["specs"]) {
			if sm := asMap(sp); sm != nil && sameSpec(d.doc, str(sm["ref"]), str(sm["file"]), spec) {
				s = sm
				break
			}
		}
		if s == nil {
			continue
		}
		base := document.JoinIndex("apis", i)
		facts := asMap(s["facts"])
		for _, key := range []string{"version_in_servers", "version_in_paths"} {
			if v, at, ok := fact(facts, key); ok && v == true {
				d.set(api, base, []string{"versioning"}, "url", KindOpenAPI, at)
			}
		}
		var largest int64 = -1
		var largestAt, authAt diag.Range
		kinds := map[string]bool{}
		for _, op := range asList(s["operations"]) {
			of := asMap(asMap(op)["facts"])
			if v, at, ok := fact(of, "max_page_size"); ok {
				if n, ok := whole(v); ok && n > largest {
					largest, largestAt = n, at
				}
			}
			if v, at, ok := fact(of, "authentication"); ok {
				for _, k := range asList(v) {
					if ks, ok := k.(string); ok {
						kinds[ks] = true
					}
				}
				if authAt.Filename == "" {
					authAt = at
				}
			}
		}
		// One kind of credential across the spec is the API's
		// authentication; several, or one the format has no word for
		// (basic), say nothing the field can hold.
		if len(kinds) == 1 {
			for k := range kinds {
				if authKinds[k] {
					d.set(api, base, []string{"authentication"}, k, KindOpenAPI, authAt)
				}
			}
		}
		if largest >= 0 {
			d.set(api, base, []string{"max_page_size"}, largest, KindOpenAPI, largestAt)
		}
	}
}

// sameSpec reports whether a spec the reader read is the one an apis
// entry names: by its ref (as the review wrote it) or its file.
func sameSpec(doc *document.Document, ref, file, spec string) bool {
	clean := path.Clean(filepath.ToSlash(strings.TrimSpace(spec)))
	if ref != "" && path.Clean(filepath.ToSlash(ref)) == clean {
		return true
	}
	full := filepath.ToSlash(filepath.Join(filepath.Dir(doc.Path), filepath.FromSlash(clean)))
	return file != "" && path.Clean(filepath.ToSlash(file)) == full
}

// --- plain values ------------------------------------------------------------

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }
func asList(v any) []any         { l, _ := v.([]any); return l }
func str(v any) string           { s, _ := v.(string); return s }

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case int:
		return float64(n), true
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

func whole(v any) (int64, bool) {
	n, ok := number(v)
	if !ok || n != float64(int64(n)) {
		return 0, false
	}
	return int64(n), true
}

// tidy is a number as the decoders give it: int64 when whole.
func tidy(n float64) any {
	if n == float64(int64(n)) {
		return int64(n)
	}
	return n
}

// normalise turns what a reader returned (maps, slices, structs) into the
// plain values a decoded review holds: map[string]any, []any, string,
// bool, int64 for whole numbers and float64 for the others.
func normalise(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return numbers(out), nil
}

func numbers(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = numbers(x)
		}
	case []any:
		for i, x := range t {
			t[i] = numbers(x)
		}
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	}
	return v
}

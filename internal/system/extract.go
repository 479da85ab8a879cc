package system

import (
	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/document"
)

// Extract reads one review's graph facts, each with its position. The
// review has been decoded, its imports merged and (in a run) validated;
// values of the wrong type are left out rather than trusted, so Extract
// never fails on what the schema would refuse. A review without a
// service name has no place in the graph: ok is false.
func Extract(doc *document.Document) (Facts, diag.Diagnostics) {
	x := extractor{doc: doc}
	f := Facts{File: doc.Path}
	svc, _ := doc.Value["service"].(map[string]any)
	name, _ := svc["name"].(string)
	if name == "" {
		return f, diag.Diagnostics{diag.Warningf(x.rangeOf("service"),
			"this review names no service (service.name), so it has no place in the system")}
	}
	f.Service = Service{Name: name, File: doc.Path, At: x.at("service.name")}
	if t, ok := svc["tier"].(int64); ok && t >= 0 && t <= 3 {
		f.Service.Tier = int(t)
	} else {
		// Without a stated tier the service is judged as the least
		// critical one, as a prototype would be.
		f.Service.Tier = 3
	}
	f.TierAt = x.at("service.tier")
	f.Service.Owner, _ = svc["owner"].(string)
	f.Service.Rotation, _ = lookup(doc.Value, "operations", "on_call", "rotation").(string)

	deps, _ := doc.Value["dependencies"].([]any)
	f.Dependencies = make([]Dependency, len(deps))
	for i, d := range deps {
		m, _ := d.(map[string]any)
		p := document.JoinIndex("dependencies", i)
		dep := Dependency{At: x.at(p), Attempts: 1}
		dep.Name, _ = m["name"].(string)
		dep.API, _ = m["api"].(string)
		dep.Hard = m["criticality"] == "hard"
		dep.Sync = m["interaction"] == "sync"
		if n, ok := lookup(m, "retries", "max_attempts").(int64); ok && n > 1 {
			dep.Attempts = int(min(n, maxAttempts))
		}
		f.Dependencies[i] = dep
	}
	apis, _ := doc.Value["apis"].([]any)
	for i, a := range apis {
		m, _ := a.(map[string]any)
		api := API{}
		api.Name, _ = m["name"].(string)
		if v := number(m["timeout_ms"]); v != nil {
			api.Timeout = &Measure{Value: v, At: x.at(document.JoinKey(document.JoinIndex("apis", i), "timeout_ms"))}
		}
		f.APIs = append(f.APIs, api)
	}
	slos, _ := doc.Value["slos"].([]any)
	for i, s := range slos {
		m, _ := s.(map[string]any)
		p := document.JoinIndex("slos", i)
		switch m["sli"] {
		case "availability":
			if v := number(m["objective_percent"]); v != nil && f.Availability == nil {
				f.Availability = &Measure{Value: v, At: x.at(document.JoinKey(p, "objective_percent"))}
			}
		case "latency":
			if v := number(m["threshold_ms"]); v != nil && f.Latency == nil {
				f.Latency = &Measure{Value: v, At: x.at(document.JoinKey(p, "threshold_ms"))}
			}
		}
	}
	pubs, _ := lookup(doc.Value, "events", "publishes").([]any)
	f.Publishes = make([]Publish, len(pubs))
	for i, e := range pubs {
		m, _ := e.(map[string]any)
		p := Publish{Index: i, At: x.at(document.JoinIndex("events.publishes", i))}
		p.Name, _ = m["name"].(string)
		p.Topic, _ = m["topic"].(string)
		p.Delivery, _ = m["delivery"].(string)
		p.Schema, _ = m["schema"].(string)
		f.Publishes[i] = p
	}
	cons, _ := lookup(doc.Value, "events", "consumes").([]any)
	f.Consumes = make([]Consume, len(cons))
	for i, e := range cons {
		m, _ := e.(map[string]any)
		c := Consume{Index: i, At: x.at(document.JoinIndex("events.consumes", i))}
		c.Name, _ = m["name"].(string)
		c.Topic, _ = m["topic"].(string)
		c.From, _ = m["from"].(string)
		c.Delivery, _ = m["delivery"].(string)
		c.Schema, _ = m["schema"].(string)
		f.Consumes[i] = c
	}
	stores, _ := doc.Value["data_stores"].([]any)
	f.DataStores = make([]DataStore, len(stores))
	for i, s := range stores {
		m, _ := s.(map[string]any)
		d := DataStore{Index: i, At: x.at(document.JoinIndex("data_stores", i))}
		d.Name, _ = m["name"].(string)
		d.Ownership, _ = m["ownership"].(string)
		if list, ok := m["shared_with"].([]any); ok {
			for _, w := range list {
				if s, ok := w.(string); ok {
					d.SharedWith = append(d.SharedWith, s)
				}
			}
		}
		f.DataStores[i] = d
	}
	return f, nil
}

// maxAttempts caps one entry's attempts: a review may write any integer,
// and the products along paths must not overflow.
const maxAttempts = 1_000

type extractor struct{ doc *document.Document }

// at is where path is, or its nearest parent that is in the file.
func (x extractor) at(path string) At {
	r, _, ok := x.doc.Index.Resolve(path)
	if !ok {
		return At{File: x.doc.Path}
	}
	return atOf(r)
}

func (x extractor) rangeOf(path string) *diag.Range {
	r, _, ok := x.doc.Index.Resolve(path)
	if !ok {
		return &diag.Range{Filename: x.doc.Path}
	}
	return &r
}

func atOf(r diag.Range) At {
	return At{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column}
}

// number is v when it is a number of the document (int64 or float64).
func number(v any) any {
	switch v.(type) {
	case int64, float64:
		return v
	}
	return nil
}

func toFloat(v any) float64 {
	switch n := v.(type) {
	case int64:
		return float64(n)
	case float64:
		return n
	}
	return 0
}

func lookup(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

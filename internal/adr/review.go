package adr

import (
	"github.com/archvet/archvet/checks"
)

// NewInput gathers the ADR material of one design review: the decisions
// it records (from the decoded review) and the decisions the failed rules
// ask for (from the engine's results for the same file).
func NewInput(design string, value map[string]any, results []checks.RuleResult, date string) Input {
	in := Input{Design: design, Date: date}
	if svc, ok := value["service"].(map[string]any); ok {
		in.Service, _ = svc["name"].(string)
		in.Owner, _ = svc["owner"].(string)
	}
	list, _ := value["decisions"].([]any)
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			continue
		}
		str := func(k string) string { s, _ := m[k].(string); return s }
		d := Decision{
			ID: str("id"), Title: str("title"), Topic: str("topic"), Status: str("status"), Date: str("date"),
			Context: str("context"), Outcome: str("decision"), Consequences: str("consequences"),
			Revisit: str("revisit"), Record: str("record"),
		}
		if d.ID == "" || d.Title == "" {
			continue // the schema requires both; nothing to name the ADR by
		}
		opts, _ := m["options"].([]any)
		for _, o := range opts {
			if s, ok := o.(string); ok {
				d.Options = append(d.Options, s)
			}
		}
		in.Decisions = append(in.Decisions, d)
	}
	for _, r := range results {
		if r.Status != checks.Fail || r.Rule.Decision == nil {
			continue
		}
		dec := r.Rule.Decision
		nd := Needed{
			RuleID: r.Rule.ID, RuleTitle: r.Rule.Title, Description: r.Rule.Description,
			Topic: dec.Topic, Question: dec.Question, Drivers: dec.Drivers,
		}
		if nd.Question == "" {
			nd.Question = r.Rule.Title
		}
		for _, o := range dec.Options {
			nd.Options = append(nd.Options, Option{Name: o.Name, Pros: o.Pros, Cons: o.Cons})
		}
		for _, f := range r.Findings {
			nd.Findings = append(nd.Findings, Finding{Message: f.Message, Location: f.Location})
		}
		in.Needed = append(in.Needed, nd)
	}
	return in
}

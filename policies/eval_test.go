package policies_test

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/archvet/archvet/checks"
	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/internal/schema"
)

// evalResult is one rule's result on an input, as archvet computes it.
func evalResult(t *testing.T, engine *checks.Engine, id string, input map[string]any) checks.RuleResult {
	t.Helper()
	doc := &document.Document{Path: "example.yaml", Value: normalise(input).(map[string]any), Index: document.NewIndex("example.yaml")}
	sch, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	// A system rule's example carries the _system input the system pass
	// derives, and a claim rule's the _artefacts archvet reads; a run
	// sets them after evidence (which strips computed keys).
	computed := map[string]any{}
	for _, k := range []string{"_system", "_artefacts"} {
		if v, ok := doc.Value[k]; ok {
			computed[k] = v
		}
	}
	checks.AttachEvidence(doc, sch)
	maps.Copy(doc.Value, computed)
	results, err := engine.Evaluate(context.Background(), doc, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Rule.ID == id {
			return r
		}
	}
	t.Fatalf("rule %s not evaluated", id)
	return checks.RuleResult{}
}

// messages lists a result's findings as field: message.
func messages(r checks.RuleResult) []string {
	var msgs []string
	for _, f := range r.Findings {
		msgs = append(msgs, f.Field+": "+f.Message)
	}
	return msgs
}

// normalise turns yaml.v3's generic values into the loader's value types.
func normalise(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalise(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = normalise(e)
		}
		return x
	case int:
		return int64(x)
	case time.Time:
		return x.Format("2006-01-02")
	}
	return v
}

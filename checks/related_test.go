package checks

import (
	"context"
	"testing"
	"time"

	"github.com/archvet/archvet/internal/document"
	"github.com/archvet/archvet/rules"
)

// relatedRule is a rule that points at another file and names two
// related places: one field of the review, one position elsewhere, and
// entries a hostile policy might send (no file, a negative line).
const relatedRule = `# METADATA
# title: Points elsewhere
# description: A test rule whose finding is shown in another file.
# related_resources:
#   - ref: https://example.com/related
#     description: a reference
# custom:
#   id: ZZ001
#   level: reactive
#   applicability: Always.
#   severity: high
#   check: reasoning
#   frameworks:
#     production-readiness: resilience
#   remediation: Nothing to do.
package archvet.rules.test.related

import rego.v1

deny contains {
	"msg": "the Deployment runs 1 replica",
	"path": "processes.scaling.min_replicas",
	"at": {"file": "deploy/app.yaml", "line": 7, "column": 3},
	"related": [
		{"msg": "the service name", "path": "service.name"},
		{"msg": "the other review", "at": {"file": "other/design.yaml", "line": 4, "column": 9}},
		{"msg": "no file", "at": {"line": 4, "column": 9}},
		{"msg": "bad line", "at": {"file": "x", "line": -1, "column": 9}},
		{"msg": "no such field", "path": "nowhere.at.all"},
	],
}
`

const relatedReview = `format_version: 1
service:
  name: shop
processes:
  scaling:
    min_replicas: 6
`

func TestFindingsCarryRelatedLocations(t *testing.T) {
	cat, ds := rules.Parse([]rules.Source{{Path: "related.rego", Text: relatedRule}})
	if ds.HasErrors() || len(cat.Rules) != 1 {
		t.Fatalf("%v: %d rules", ds, len(cat.Rules))
	}
	e, ds := Compile(context.Background(), cat, Options{})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	doc, ds := document.LoadYAML("design.yaml", []byte(relatedReview))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	rs, err := e.Evaluate(context.Background(), doc, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || len(rs[0].Findings) != 1 {
		t.Fatalf("want one finding, got %+v", rs)
	}
	f := rs[0].Findings[0]
	if got := f.Location.String(); got != "deploy/app.yaml:7:3" || !f.Exact {
		t.Errorf("finding shown at %s (exact %v), want deploy/app.yaml:7:3", got, f.Exact)
	}
	if f.Key != "processes.scaling.min_replicas" {
		t.Errorf("identity key %q, want the review path", f.Key)
	}
	want := []struct{ msg, at string }{
		{"the design's claim: processes.scaling.min_replicas", "design.yaml:6:5"},
		{"the service name", "design.yaml:3:3"},
		{"the other review", "other/design.yaml:4:9"},
	}
	if len(f.Related) != len(want) {
		t.Fatalf("related = %+v, want %d entries", f.Related, len(want))
	}
	for i, w := range want {
		if f.Related[i].Message != w.msg || f.Related[i].Location.String() != w.at {
			t.Errorf("related[%d] = %q at %s, want %q at %s", i, f.Related[i].Message, f.Related[i].Location, w.msg, w.at)
		}
	}
}

package mutation

import (
	"context"
	"testing"

	"github.com/archvet/archvet/rules"
)

// A tiny rule and its tests: the weak test set leaves mutants alive, and
// adding boundary tests kills them. This is what the score measures.
const rule = `# METADATA
# title: t
# description: d
# related_resources:
#   - ref: https://example.com
#     description: x
# custom:
#   id: T001
#   severity: high
#   level: reactive
#   frameworks:
#     production-readiness: slos
#   remediation: r
#   applicability: a
#   params:
#     max_minutes:
#       description: most minutes allowed
#       value: 60
package archvet.rules.t.one

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

deny contains lib.finding("too long", "x") if input.minutes > params.max_minutes
`

const weakTest = `package archvet.rules.t.one_test

import rego.v1

import data.archvet.rules.t.one

test_far_over if count(one.deny) == 1 with input as {"minutes": 500}
`

const boundaryTest = weakTest + `
test_at_limit if count(one.deny) == 0 with input as {"minutes": 60}

test_just_over if count(one.deny) == 1 with input as {"minutes": 61}
`

func run(t *testing.T, test string) Report {
	t.Helper()
	lib, err := rules.BuiltinSources()
	if err != nil {
		t.Fatal(err)
	}
	var sources []rules.Source
	for _, s := range lib {
		if s.Path == "policies/lib/design.rego" {
			sources = append(sources, s)
		}
	}
	sources = append(sources,
		rules.Source{Path: "t/one.rego", Text: rule, Builtin: true},
		rules.Source{Path: "t/one_test.rego", Text: test, Builtin: true})
	rep, err := Run(context.Background(), sources, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestBoundaryTestsKillMutants(t *testing.T) {
	weak := run(t, weakTest)
	strong := run(t, boundaryTest)
	// The sites: the parameter default, the > comparison, and negating
	// the comparison is a comparison flip already (not counted twice).
	if len(weak.Mutants) < 2 || len(strong.Mutants) != len(weak.Mutants) {
		t.Fatalf("mutants: weak %d, strong %d; want the same, at least 2", len(weak.Mutants), len(strong.Mutants))
	}
	if weak.Score() == 100 {
		t.Errorf("a test far from the limit killed every mutant: %+v", weak.Mutants)
	}
	if strong.Score() != 100 {
		t.Errorf("boundary tests left mutants alive: %+v", strong.Mutants)
	}
}

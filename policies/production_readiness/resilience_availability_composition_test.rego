package archvet.rules.production_readiness.resilience_availability_composition_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_availability_composition as rule

slo(objective) := [{"name": "availability", "sli": "availability", "objective_percent": objective}]

hard(name, availability) := {"name": name, "interaction": "sync", "criticality": "hard", "availability_percent": availability}

# 99.9 x 99.9 = 99.8001: an objective at the bound passes, above it fails.
test_product_bounds_the_objective if {
	deps := [hard("a", 99.9), hard("b", 99.9)]
	count(rule.deny) == 0 with input as {"slos": slo(99.8), "dependencies": deps}
	findings := rule.deny with input as {"slos": slo(99.81), "dependencies": deps}
	{f.path | some f in findings} == {"slos[0].objective_percent"}
}

# R8: 99.9999% over a third-party gateway that does not state its availability.
test_r8_unstated_dependency_is_unanswered if {
	inp := {
		"slos": slo(99.9999),
		"dependencies": [{"name": "gateway", "kind": "third-party", "criticality": "hard", "interaction": "sync", "fallback": "fail-fast"}],
	}
	rule.applicable with input as inp
	count(rule.deny) == 0 with input as inp
	{f.path | some f in rule.unanswered} == {"dependencies[0].availability_percent"} with input as inp
}

test_exactly_at_a_single_promise_passes if {
	count(rule.deny) == 0 with input as {"slos": slo(99.95), "dependencies": [hard("a", 99.95)]}
	count(rule.deny) == 1 with input as {"slos": slo(99.951), "dependencies": [hard("a", 99.95)]}
}

test_r8_stated_dependency_fails if {
	findings := rule.deny with input as {
		"slos": slo(99.9999),
		"dependencies": [{"name": "gateway", "kind": "third-party", "availability_percent": 99.95}],
	}
	{f.path | some f in findings} == {"slos[0].objective_percent"}
}

# Unstated ones only lower the bound: what is stated already fails.
test_known_part_fails_without_questions if {
	inp := {"slos": slo(99.99), "dependencies": [hard("a", 99.9), {"name": "b"}]}
	count(rule.deny) == 1 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_fallback_redundancy_soft_and_async_mitigate if {
	inp := {"slos": slo(99.99), "dependencies": [
		object.union(hard("cached", 99), {"fallback": "cached-response"}),
		object.union(hard("primary", 99), {"redundant_with": "backup"}),
		hard("backup", 99),
		{"name": "soft", "criticality": "soft", "availability_percent": 90},
		{"name": "events", "interaction": "async", "availability_percent": 90},
		hard("good", 99.999),
	]}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_redundant_with_unknown_name_does_not_mitigate if {
	count(rule.deny) == 1 with input as {"slos": slo(99.99), "dependencies": [object.union(hard("primary", 99), {"redundant_with": "nobody"})]}
}

test_unanswered_objective if {
	findings := rule.unanswered with input as {"slos": [{"name": "availability", "sli": "availability"}], "dependencies": []}
	{f.path | some f in findings} == {"slos[0].objective_percent"}
}

test_no_availability_slo_not_applicable if {
	not rule.applicable with input as {"slos": [{"name": "latency", "sli": "latency"}], "dependencies": [hard("a", 90)]}
}

test_dependencies_deleted_is_unanswered if {
	inp := {"slos": slo(99.9)}
	{f.path | some f in rule.unanswered} == {"dependencies"} with input as inp
	count(rule.deny) == 0 with input as inp
}

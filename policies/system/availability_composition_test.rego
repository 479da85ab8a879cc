package archvet.system.availability_composition_test

import rego.v1

import data.archvet.system.availability_composition

at(file) := {"file": file, "line": 40, "column": 24}

edge(name, hard, sync, percent) := {
	"name": name, "reviewed": true, "hard": hard, "sync": sync,
	"callee": {"name": name, "availability_percent": percent, "availability_at": at(sprintf("%s.yaml", [name]))},
}

# A tier 0 review promising objective%, calling payments and inventory
# hard and synchronously; deps and edges can be replaced per case.
case(objective, deps, edges) := {
	"service": {"name": "orders", "tier": 0},
	"slos": [
		{"name": "latency", "sli": "latency", "objective_percent": 99.99},
		{"name": "availability", "sli": "availability", "objective_percent": objective},
	],
	"dependencies": deps,
	"_system": {"dependencies": edges},
}

two_deps := [{"name": "payments"}, {"name": "inventory"}]

two_edges := [edge("payments", true, true, 99.9), edge("inventory", true, true, 99.9)]

test_objective_above_the_callees_own_slos_fails if {
	inp := case(99.9, two_deps, two_edges)
	availability_composition.applicable with input as inp
	findings := availability_composition.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "slos[1].objective_percent"
	contains(f.msg, "above the 99.8001% that the own SLOs of its hard dependencies inventory (99.9%), payments (99.9%)")
	f.related == [
		{"msg": "inventory promises 99.9% here", "at": at("inventory.yaml")},
		{"msg": "payments promises 99.9% here", "at": at("payments.yaml")},
	]
}

test_objective_at_the_product_passes if {
	count(availability_composition.deny) == 0 with input as case(99.8001, two_deps, two_edges)
	count(availability_composition.deny) == 1 with input as case(99.8002, two_deps, two_edges)
}

test_soft_async_or_unstated_callees_do_not_count if {
	edges := [
		edge("payments", false, true, 99),
		edge("inventory", true, false, 99),
		edge("search", true, true, null),
		{"name": "tax", "reviewed": false, "hard": true, "sync": true, "callee": null},
	]
	deps := [{"name": "payments"}, {"name": "inventory"}, {"name": "search"}, {"name": "tax"}]
	count(availability_composition.deny) == 0 with input as case(99.99, deps, edges)
}

test_fallback_or_redundant_provider_mitigates if {
	with_fallback := [{"name": "payments", "fallback": "queue-for-later"}, {"name": "inventory", "fallback": "cached-response"}]
	count(availability_composition.deny) == 0 with input as case(99.99, with_fallback, two_edges)
	redundant := [{"name": "payments", "redundant_with": "inventory"}, {"name": "inventory"}]
	count(availability_composition.deny) == 0 with input as case(99.99, redundant, two_edges)
	fail_fast := [{"name": "payments", "fallback": "fail-fast"}, {"name": "inventory"}]
	count(availability_composition.deny) == 1 with input as case(99.99, fail_fast, two_edges)
}

test_the_callers_claims_are_not_used if {
	claims := [{"name": "payments", "availability_percent": 99.999}, {"name": "inventory", "availability_percent": 99.999}]
	count(availability_composition.deny) == 1 with input as case(99.95, claims, two_edges)
}

test_alone_not_applicable if {
	not availability_composition.applicable with input as object.remove(case(99.9, two_deps, two_edges), ["_system"])
}

test_no_availability_slo_not_applicable if {
	inp := {"slos": [{"name": "latency", "sli": "latency", "objective_percent": 99}], "_system": {"dependencies": []}}
	not availability_composition.applicable with input as inp
	not availability_composition.applicable with input as {"slos": [{"name": "a", "sli": "availability"}], "_system": {}}
}

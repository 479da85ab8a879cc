package archvet.rules.production_readiness.resilience_bulkheads_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_bulkheads as rule

test_bulkheads_pass if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "orders", "owner": "team", "tier": 0},
		"dependencies": [
			{"name": "payments", "bulkhead": true},
			{"name": "inventory", "interaction": "sync", "bulkhead": true},
			{"name": "audit", "interaction": "async"},
		],
	}
}

test_shared_pool_fails if {
	inp := {
		"service": {"name": "orders", "owner": "team", "tier": 1},
		"dependencies": [
			{"name": "payments", "bulkhead": true},
			{"name": "inventory", "bulkhead": false},
			{"name": "pricing"},
		],
	}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"dependencies[1].bulkhead"} with input as inp
	{f.path | some f in rule.unanswered} == {"dependencies[2].bulkhead"} with input as inp
}

test_tier_2_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "orders", "owner": "team", "tier": 2},
		"dependencies": [{"name": "payments"}, {"name": "inventory"}],
	}
}

test_single_dependency_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "payments"}, {"name": "audit", "interaction": "async"}]}
}

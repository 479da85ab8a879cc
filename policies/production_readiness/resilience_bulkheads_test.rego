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
	findings := rule.deny with input as {
		"service": {"name": "orders", "owner": "team", "tier": 1},
		"dependencies": [
			{"name": "payments", "bulkhead": true},
			{"name": "inventory", "bulkhead": false},
			{"name": "pricing"},
		],
	}
	count(findings) == 2
	paths := {f.path | some f in findings}
	paths == {"dependencies[1].bulkhead", "dependencies[2].bulkhead"}
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

package archvet.rules.production_readiness.resilience_circuit_breakers_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_circuit_breakers as rule

test_breakers_on_hard_dependencies_pass if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "orders", "owner": "team", "tier": 1},
		"dependencies": [
			{"name": "payments", "criticality": "hard", "circuit_breaker": true},
			{"name": "recommendations", "criticality": "soft"},
			{"name": "audit", "interaction": "async"},
		],
	}
}

test_missing_breaker_fails if {
	inp := {
		"service": {"name": "orders", "owner": "team", "tier": 2},
		"dependencies": [
			{"name": "payments", "criticality": "hard", "circuit_breaker": true},
			{"name": "ledger", "circuit_breaker": false},
			{"name": "inventory"},
		],
	}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"dependencies[1].circuit_breaker"} with input as inp
	{f.path | some f in rule.unanswered} == {"dependencies[2].circuit_breaker"} with input as inp
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "tool", "owner": "team", "tier": 3},
		"dependencies": [{"name": "ledger"}],
	}
}

test_only_soft_dependencies_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "recommendations", "criticality": "soft"}]}
}

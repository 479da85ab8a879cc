package archvet.rules.production_readiness.resilience_load_shedding_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_load_shedding as rule

test_load_shedding_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "orders", "owner": "team", "tier": 0},
		"capacity": {"load_shedding": true},
	}
}

test_no_load_shedding_fails if {
	findings := rule.deny with input as {
		"service": {"name": "orders", "owner": "team", "tier": 1},
		"capacity": {"load_shedding": false},
	}
	count(findings) == 1
	some f in findings
	f.path == "capacity.load_shedding"
	contains(f.msg, "tier 1")
}

test_unstated_load_shedding_fails if {
	some f in rule.unanswered with input as {"service": {"name": "orders", "owner": "team", "tier": 0}}
	f.path == "capacity.load_shedding"
	contains(f.msg, "does not say")
}

test_tier_2_not_applicable if {
	not rule.applicable with input as {"service": {"name": "orders", "owner": "team", "tier": 2}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

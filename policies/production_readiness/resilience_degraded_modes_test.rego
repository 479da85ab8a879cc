package archvet.rules.production_readiness.resilience_degraded_modes_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_degraded_modes as rule

test_declared_modes_pass if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "shop", "owner": "team", "tier": 0},
		"capacity": {"degraded_modes": ["hide recommendations"]},
		"dependencies": [{"name": "recommendations", "fallback": "degrade-feature"}],
	}
}

test_no_modes_fails if {
	findings := rule.deny with input as {
		"service": {"name": "shop", "owner": "team", "tier": 1},
		"capacity": {"degraded_modes": []},
	}
	count(findings) == 1
	some f in findings
	f.path == "capacity.degraded_modes"
}

test_no_modes_with_degrading_dependency_names_it if {
	findings := rule.deny with input as {
		"service": {"name": "shop", "owner": "team", "tier": 0},
		"dependencies": [{"name": "recommendations", "fallback": "degrade-feature"}, {"name": "payments"}],
	}
	count(findings) == 1
	some f in findings
	f.path == "capacity.degraded_modes"
	contains(f.msg, "recommendations")
}

test_tier_2_not_applicable if {
	not rule.applicable with input as {"service": {"name": "shop", "owner": "team", "tier": 2}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

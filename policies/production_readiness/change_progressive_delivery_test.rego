package archvet.rules.production_readiness.change_progressive_delivery_test

import rego.v1

import data.archvet.rules.production_readiness.change_progressive_delivery as rule

test_canary_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"strategy": "canary"}}
}

test_blue_green_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"strategy": "blue-green"}}
}

test_rolling_tier2_passes if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"deployment": {"strategy": "rolling"},
	}
}

test_rolling_tier1_fails if {
	findings := rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 1},
		"deployment": {"strategy": "rolling"},
	}
	count(findings) == 1
	some f in findings
	f.path == "deployment.strategy"
}

test_recreate_fails if {
	some f in rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 2},
		"deployment": {"strategy": "recreate"},
	}
	f.path == "deployment.strategy"
	contains(f.msg, "recreate")
}

test_manual_fails if {
	some f in rule.deny with input as {"deployment": {"strategy": "manual"}}
	f.path == "deployment.strategy"
}

test_unstated_fails if {
	some f in rule.deny with input as {"deployment": {}}
	contains(f.msg, "does not say")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

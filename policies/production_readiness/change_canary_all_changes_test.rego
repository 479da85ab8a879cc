package archvet.rules.production_readiness.change_canary_all_changes_test

import rego.v1

import data.archvet.rules.production_readiness.change_canary_all_changes as rule

test_canary_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"strategy": "canary"}}
}

test_blue_green_fails if {
	findings := rule.deny with input as {
		"service": {"name": "s", "owner": "t", "tier": 0},
		"deployment": {"strategy": "blue-green"},
	}
	count(findings) == 1
	some f in findings
	f.path == "deployment.strategy"
	contains(f.msg, "blue-green")
}

test_unstated_fails if {
	some f in rule.deny with input as {"deployment": {}}
	f.path == "deployment.strategy"
	contains(f.msg, "does not say")
}

test_tier1_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 1}}
}

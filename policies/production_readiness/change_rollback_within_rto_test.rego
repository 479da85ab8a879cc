package archvet.rules.production_readiness.change_rollback_within_rto_test

import rego.v1

import data.archvet.rules.production_readiness.change_rollback_within_rto as rule

test_fast_rollback_passes if {
	count(rule.deny) == 0 with input as {
		"disaster_recovery": {"rto_minutes": 30},
		"deployment": {"rollback": {"max_minutes": 10}},
	}
}

test_rollback_without_rto_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"rollback": {"max_minutes": 10}}}
}

test_slow_rollback_fails if {
	findings := rule.deny with input as {
		"disaster_recovery": {"rto_minutes": 15},
		"deployment": {"rollback": {"max_minutes": 45}},
	}
	count(findings) == 1
	some f in findings
	f.path == "deployment.rollback.max_minutes"
	contains(f.msg, "45")
}

test_unknown_rollback_time_fails if {
	some f in rule.deny with input as {"deployment": {"rollback": {"automated": true}}}
	f.path == "deployment.rollback.max_minutes"
	contains(f.msg, "does not say")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

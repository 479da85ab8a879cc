package archvet.rules.production_readiness.dr_tested_test

import rego.v1

import data.archvet.rules.production_readiness.dr_tested as rule

# 2026-11-23T00:00:00Z
now := 1795392000000000000

test_recent_exercise_passes if {
	count(rule.deny) == 0 with input as {"disaster_recovery": {"last_tested": "2026-02-01"}}
		with time.now_ns as now
}

test_old_exercise_fails if {
	findings := rule.deny with input as {"disaster_recovery": {"last_tested": "2025-01-10"}}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "disaster_recovery.last_tested"
	contains(f.msg, "2025-01-10")
}

test_never_exercised_fails if {
	some f in rule.unanswered with input as {"disaster_recovery": {"strategy": "pilot-light"}}
		with time.now_ns as now
	f.path == "disaster_recovery.last_tested"
	contains(f.msg, "does not say")
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

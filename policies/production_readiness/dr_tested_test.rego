package archvet.rules.production_readiness.dr_tested_test

import rego.v1

import data.archvet.rules.production_readiness.dr_tested as rule

# 2026-11-23T00:00:00Z
now := 1795392000000000000

test_recent_exercise_passes if {
	count(rule.deny) == 0 with input as {"disaster_recovery": {"last_tested": "2026-07-01"}}
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

day_ns := ((24 * 60) * 60) * 1000000000

# date_before(days) is the YYYY-MM-DD date that many days before now.
date_before(days) := substring(time.format([now - (days * day_ns), "UTC", "2006-01-02"]), 0, 10)

at_tier(tier, date) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"disaster_recovery": {"last_tested": date},
}

# The age limit at each tier the rule applies to: on the day it passes,
# a day later it fails.
test_age_limit_at_each_tier if {
	every tier, limit in [180, 365, 365] {
		count(rule.deny) == 0 with input as at_tier(tier, date_before(limit)) with time.now_ns as now
		some f in rule.deny with input as at_tier(tier, date_before(limit + 1)) with time.now_ns as now
		contains(f.msg, sprintf("every %d days", [limit]))
	}
}

test_override_of_the_age_limit if {
	inp := at_tier(1, date_before(200))
	count(rule.deny) == 0 with input as inp with time.now_ns as now
	count(rule.deny) == 1 with input as inp with time.now_ns as now
		with data.archvet.params as {"PR310": {"max_dr_test_age_days": [90, 90, 365, 365]}}
}

test_tier_2_is_judged_and_tier_3_is_not if {
	rule.applicable with input as at_tier(2, date_before(400))
	count(rule.deny) == 1 with input as at_tier(2, date_before(400)) with time.now_ns as now
	count(rule.deny) == 0 with input as at_tier(3, date_before(400)) with time.now_ns as now
	count(rule.unanswered) == 1 with input as {"service": {"tier": 2}}
	count(rule.unanswered) == 0 with input as {"service": {"tier": 3}}
}

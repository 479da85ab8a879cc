package archvet.rules.production_readiness.capacity_load_tested_test

import rego.v1

import data.archvet.rules.production_readiness.capacity_load_tested as rule

# 2026-11-23T00:00:00Z
now := 1795392000000000000

day_ns := ((24 * 60) * 60) * 1000000000

date_before(days) := substring(time.format([now - (days * day_ns), "UTC", "2006-01-02"]), 0, 10)

design(tier, multiple, date) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"capacity": {"load_test": {"performed": true, "peak_multiple": multiple, "last_run": date}},
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(2, 2, "2026-11-01")
	not rule.applicable with input as design(3, 2, "2026-11-01")
}

test_recent_test_beyond_the_peak_passes if {
	count(rule.deny) == 0 with input as design(0, 2.5, "2026-11-01") with time.now_ns as now
	count(rule.unanswered) == 0 with input as design(0, 2.5, "2026-11-01") with time.now_ns as now
}

test_never_load_tested_fails if {
	paths(rule.deny) == {"capacity.load_test.performed"} with input as {"capacity": {"load_test": {"performed": false}}}
}

test_unstated_facts_are_open_questions if {
	paths(rule.unanswered) == {"capacity.load_test.performed"} with input as {"capacity": {}}
	paths(rule.unanswered) == {"capacity.load_test.peak_multiple", "capacity.load_test.last_run"} with input as {"capacity": {"load_test": {"performed": true}}}
	count(rule.deny) == 0 with input as {"capacity": {"load_test": {"performed": true}}}
}

# Bug 9: tier 2 now needs 1.5x, not 1x.
test_peak_multiple_at_each_tier if {
	every tier, limit in [2, 2, 1.5] {
		count(rule.deny) == 0 with input as design(tier, limit, "2026-11-01") with time.now_ns as now
		paths(rule.deny) == {"capacity.load_test.peak_multiple"} with input as design(tier, limit - 0.1, "2026-11-01")
			with time.now_ns as now
	}
}

# E11: a tier-2 load test from 2019 is not recent.
test_e11_old_load_test_fails_at_tier_2 if {
	some f in rule.deny with input as design(2, 2, "2019-01-01") with time.now_ns as now
	f.path == "capacity.load_test.last_run"
	contains(f.msg, "2019-01-01")
}

test_load_test_age_at_each_tier if {
	every tier, limit in [180, 180, 365] {
		count(rule.deny) == 0 with input as design(tier, 2, date_before(limit)) with time.now_ns as now
		paths(rule.deny) == {"capacity.load_test.last_run"} with input as design(tier, 2, date_before(limit + 1))
			with time.now_ns as now
	}
}

test_headroom_not_demonstrated_fails if {
	findings := rule.deny with input as {
		"capacity": {"headroom_percent": 150, "load_test": {"performed": true, "peak_multiple": 2, "last_run": "2026-11-01"}},
	}
		with time.now_ns as now
	paths(findings) == {"capacity.load_test.peak_multiple"}
	some f in findings
	contains(f.msg, "150% headroom")
}

test_override_of_the_multiple if {
	count(rule.deny) == 0 with input as design(0, 1.5, "2026-11-01") with time.now_ns as now
		with data.archvet.params as {"PR315": {"min_peak_multiple": [1.5, 1.5, 1.5, 1]}}
}

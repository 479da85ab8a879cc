package archvet.rules.production_readiness.capacity_load_tested_test

import rego.v1

import data.archvet.rules.production_readiness.capacity_load_tested as rule

# 2026-11-23T00:00:00Z
now := 1795392000000000000

test_recent_double_peak_test_passes if {
	count(rule.deny) == 0 with input as {"capacity": {
		"headroom_percent": 50,
		"load_test": {"performed": true, "peak_multiple": 2, "last_run": "2026-09-01"},
	}}
		with time.now_ns as now
}

test_never_tested_fails if {
	findings := rule.deny with input as {"capacity": {"load_test": {"performed": false}}}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "capacity.load_test.performed"
}

test_low_multiple_fails_for_critical if {
	findings := rule.deny with input as {"capacity": {"load_test": {"performed": true, "peak_multiple": 1.2, "last_run": "2026-09-01"}}}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "capacity.load_test.peak_multiple"
	contains(f.msg, "at least 2x")
}

test_stale_test_fails_for_critical if {
	some f in rule.deny with input as {"capacity": {"load_test": {"performed": true, "peak_multiple": 3, "last_run": "2026-01-15"}}}
		with time.now_ns as now
	f.path == "capacity.load_test.last_run"
}

test_headroom_not_demonstrated if {
	some f in rule.deny with input as {"capacity": {
		"headroom_percent": 150,
		"load_test": {"performed": true, "peak_multiple": 2, "last_run": "2026-09-01"},
	}}
		with time.now_ns as now
	f.path == "capacity.load_test.peak_multiple"
	contains(f.msg, "150% headroom")
}

test_tier_2_needs_only_a_test_at_peak if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "x", "owner": "t", "tier": 2},
		"capacity": {"load_test": {"performed": true, "peak_multiple": 1, "last_run": "2024-01-01"}},
	}
		with time.now_ns as now
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
}

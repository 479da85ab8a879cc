package archvet.rules.production_readiness.capacity_peak_and_headroom_test

import rego.v1

import data.archvet.rules.production_readiness.capacity_peak_and_headroom as rule

test_estimated_peak_with_headroom_passes if {
	count(rule.deny) == 0 with input as {
		"deployment": {"availability_zones": 3},
		"capacity": {"peak_rps": 500, "headroom_percent": 50},
	}
}

test_missing_estimates_fail_for_worker if {
	findings := rule.deny with input as {"capacity": {"load_shedding": true}}
	{f.path | some f in findings} == {"capacity.peak_rps", "capacity.headroom_percent"}
}

test_api_peak_left_to_wa335 if {
	findings := rule.deny with input as {"apis": [{"name": "orders"}], "capacity": {"load_shedding": true}}
	{f.path | some f in findings} == {"capacity.headroom_percent"}
}

test_thin_headroom_fails if {
	findings := rule.deny with input as {
		"service": {"name": "x", "owner": "t", "tier": 1},
		"capacity": {"peak_rps": 500, "headroom_percent": 10},
	}
	count(findings) == 1
	some f in findings
	f.path == "capacity.headroom_percent"
	contains(f.msg, "at least 30%")
}

test_zone_loss_not_covered_for_tier_0 if {
	findings := rule.deny with input as {
		"deployment": {"availability_zones": 2},
		"capacity": {"peak_rps": 500, "headroom_percent": 40},
	}
	count(findings) == 1
	some f in findings
	f.path == "capacity.headroom_percent"
	contains(f.msg, "100%")
}

test_tier_2_lower_bar if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "x", "owner": "t", "tier": 2},
		"deployment": {"availability_zones": 2},
		"capacity": {"peak_rps": 50, "headroom_percent": 20},
	}
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
}

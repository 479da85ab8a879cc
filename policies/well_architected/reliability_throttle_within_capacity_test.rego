package archvet.rules.well_architected.reliability_throttle_within_capacity_test

import rego.v1

import data.archvet.rules.well_architected.reliability_throttle_within_capacity as rule

limit(name, per, rps) := {"name": name, "rate_limit": {"enabled": true, "per": per, "requests_per_second": rps}}

test_limits_within_capacity_pass if {
	inp := {
		"capacity": {"peak_rps": 1000, "headroom_percent": 50},
		"apis": [
			limit("orders", "global", 1000),
			limit("admin", "global", 500),
			limit("partner", "api-key", 5000),
			{"name": "internal", "rate_limit": {"enabled": false, "requests_per_second": 99999}},
		],
	}
	rule.applicable with input as inp
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

# E4: two public APIs at 1500 rps each against 1200 x 1.5 = 1800 planned.
test_sum_of_global_limits_above_capacity_fails if {
	inp := {
		"capacity": {"peak_rps": 1200, "headroom_percent": 50},
		"apis": [limit("web", "global", 1500), limit("partner", "api-key", 50), limit("mobile", "global", 1500)],
	}
	findings := rule.deny with input as inp
	{f.path | some f in findings} == {"apis[0].rate_limit.requests_per_second", "apis[2].rate_limit.requests_per_second"}
	some f in findings
	contains(f.msg, "3000")
	contains(f.msg, "1800")
}

test_sum_exactly_at_capacity_passes if {
	count(rule.deny) == 0 with input as {
		"capacity": {"peak_rps": 1000, "headroom_percent": 20},
		"apis": [limit("a", "global", 600), limit("b", "global", 600)],
	}
}

test_sum_one_above_capacity_fails if {
	count(rule.deny) == 2 with input as {
		"capacity": {"peak_rps": 1000, "headroom_percent": 20},
		"apis": [limit("a", "global", 600), limit("b", "global", 601)],
	}
}

test_unstated_peak_is_unanswered if {
	inp := {"apis": [limit("orders", "global", 10)]}
	{f.path | some f in rule.unanswered} == {"capacity.peak_rps"} with input as inp
	count(rule.deny) == 0 with input as inp
}

test_no_api_not_applicable if {
	not rule.applicable with input as {"capacity": {"peak_rps": 100}}
}

test_no_headroom_means_the_peak_itself if {
	count(rule.deny) == 0 with input as {"capacity": {"peak_rps": 100}, "apis": [limit("a", "global", 100), {"name": "b", "rate_limit": {"enabled": true}}]}
	count(rule.deny) == 1 with input as {"capacity": {"peak_rps": 100}, "apis": [limit("a", "global", 101)]}
}

test_api_without_rate_limit_is_unanswered if {
	inp := {"capacity": {"peak_rps": 1000}, "apis": [limit("a", "global", 600), {"name": "b"}]}
	{f.path | some f in rule.unanswered} == {"apis[1].rate_limit"} with input as inp
	count(rule.deny) == 0 with input as inp
}

test_rate_limit_without_enabled_is_unanswered if {
	inp := {"capacity": {"peak_rps": 1000}, "apis": [{"name": "b", "rate_limit": {"requests_per_second": 5}}]}
	{f.path | some f in rule.unanswered} == {"apis[0].rate_limit.enabled"} with input as inp
}

test_global_limit_without_rate_is_unanswered if {
	inp := {"capacity": {"peak_rps": 1000}, "apis": [{"name": "b", "rate_limit": {"enabled": true}}]}
	{f.path | some f in rule.unanswered} == {"apis[0].rate_limit.requests_per_second"} with input as inp
}

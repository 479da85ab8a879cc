package archvet.rules.well_architected.reliability_throttle_within_capacity_test

import rego.v1

import data.archvet.rules.well_architected.reliability_throttle_within_capacity as rule

test_limits_within_capacity_pass if {
	count(rule.deny) == 0 with input as {
		"capacity": {"peak_rps": 1000, "headroom_percent": 50},
		"apis": [
			{"name": "orders", "rate_limit": {"enabled": true, "per": "global", "requests_per_second": 1500}},
			{"name": "partner", "rate_limit": {"enabled": true, "per": "api-key", "requests_per_second": 50}},
			{"name": "admin", "rate_limit": {"enabled": false, "requests_per_second": 99999}},
		],
	}
}

test_global_limit_above_capacity_fails if {
	findings := rule.deny with input as {
		"capacity": {"peak_rps": 1000, "headroom_percent": 20},
		"apis": [
			{"name": "partner", "rate_limit": {"enabled": true, "per": "api-key", "requests_per_second": 50}},
			{"name": "orders", "rate_limit": {"enabled": true, "per": "global", "requests_per_second": 5000}},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "apis[1].rate_limit.requests_per_second"
	contains(f.msg, "1200")
}

test_per_client_limit_above_capacity_fails if {
	some f in rule.deny with input as {
		"capacity": {"peak_rps": 100},
		"apis": [{"name": "public", "rate_limit": {"enabled": true, "per": "ip", "requests_per_second": 500}}],
	}
	f.path == "apis[0].rate_limit.requests_per_second"
	contains(f.msg, "single ip")
}

test_no_capacity_plan_not_applicable if {
	not rule.applicable with input as {"apis": [{"name": "orders", "rate_limit": {"enabled": true, "requests_per_second": 10}}]}
}

test_no_rate_limit_not_applicable if {
	not rule.applicable with input as {"capacity": {"peak_rps": 100}, "apis": [{"name": "orders"}]}
}

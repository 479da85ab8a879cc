package archvet.rules.production_readiness.api_rate_limits_test

import rego.v1

import data.archvet.rules.production_readiness.api_rate_limits

test_limited_passes if {
	count(api_rate_limits.deny) == 0 with input as {"apis": [
		{"name": "orders", "exposure": "public", "rate_limit": {"enabled": true, "requests_per_second": 50}},
		{"name": "admin", "exposure": "internal"},
	]}
}

test_unlimited_fails if {
	findings := api_rate_limits.deny with input as {"apis": [
		{"name": "admin", "exposure": "internal"},
		{"name": "partners", "exposure": "partner", "rate_limit": {"enabled": false}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "apis[1].rate_limit.enabled"
}

test_unstated_and_rateless_fail if {
	findings := api_rate_limits.unanswered with input as {"apis": [
		{"name": "orders"},
		{"name": "search", "exposure": "public", "rate_limit": {"enabled": true}},
	]}
	api_rate_limits.applicable with input as {"apis": [{"name": "orders"}]}
	paths := {f.path | some f in findings}
	paths == {"apis[0].rate_limit.enabled", "apis[1].rate_limit.requests_per_second"}
}

test_internal_only_not_applicable if {
	not api_rate_limits.applicable with input as {"apis": [{"name": "admin", "exposure": "internal"}]}
}

package archvet.rules.production_readiness.api_rate_limit_headers_test

import rego.v1

import data.archvet.rules.production_readiness.api_rate_limit_headers

test_headers_pass if {
	count(api_rate_limit_headers.deny) == 0 with input as {"apis": [{"name": "orders", "rate_limit": {"enabled": true, "headers": true}}]}
}

test_missing_headers_fail if {
	findings := api_rate_limit_headers.deny with input as {"apis": [
		{"name": "orders", "exposure": "public", "rate_limit": {"enabled": true, "headers": true}},
		{"name": "partners", "exposure": "partner", "rate_limit": {"enabled": true, "headers": false}},
	]}
	api_rate_limit_headers.applicable with input as {"apis": [{"name": "partners", "rate_limit": {"enabled": true}}]}
	count(findings) == 1
	some f in findings
	f.path == "apis[1].rate_limit.headers"
}

test_unlimited_not_applicable if {
	not api_rate_limit_headers.applicable with input as {"apis": [
		{"name": "orders", "exposure": "public", "rate_limit": {"enabled": false}},
		{"name": "admin", "exposure": "internal", "rate_limit": {"enabled": true}},
	]}
}

# Bug 16: unstated headers are a question, not "throttles without 429".
test_unstated_headers_unanswered if {
	inp := {"apis": [{"name": "partners", "exposure": "partner", "rate_limit": {"enabled": true}}]}
	count(api_rate_limit_headers.deny) == 0 with input as inp
	{f.path | some f in api_rate_limit_headers.unanswered} == {"apis[0].rate_limit.headers"} with input as inp
}

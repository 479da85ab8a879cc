package archvet.rules.production_readiness.api_request_size_limit_test

import rego.v1

import data.archvet.rules.production_readiness.api_request_size_limit

test_limited_passes if {
	count(api_request_size_limit.deny) == 0 with input as {"apis": [
		{"name": "orders", "max_request_bytes": 1048576},
		{"name": "reads", "max_request_bytes": 0},
	]}
}

test_unlimited_fails if {
	findings := api_request_size_limit.deny with input as {"apis": [
		{"name": "orders", "max_request_bytes": 1048576},
		{"name": "uploads"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "apis[1].max_request_bytes"
}

test_no_apis_not_applicable if {
	not api_request_size_limit.applicable with input as {"service": {"name": "worker"}}
}

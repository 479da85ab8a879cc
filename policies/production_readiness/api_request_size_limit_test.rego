package archvet.rules.production_readiness.api_request_size_limit_test

import rego.v1

import data.archvet.rules.production_readiness.api_request_size_limit

test_limited_passes if {
	count(api_request_size_limit.deny) == 0 with input as {"apis": [
		{"name": "orders", "max_request_bytes": 1048576},
		{"name": "big", "max_request_bytes": 10485760},
	]}
}

test_unlimited_fails if {
	findings := api_request_size_limit.deny with input as {"apis": [
		{"name": "orders", "max_request_bytes": 1048576},
		{"name": "uploads", "max_request_bytes": 10485761},
		{"name": "zero", "max_request_bytes": 0},
	]}
	{f.path | some f in findings} == {"apis[1].max_request_bytes", "apis[2].max_request_bytes"}
	api_request_size_limit.applicable with input as {"apis": [{"name": "uploads"}]}
	{f.path | some f in api_request_size_limit.unanswered} == {"apis[0].max_request_bytes"} with input as {"apis": [{"name": "uploads"}]}
}

test_no_apis_not_applicable if {
	not api_request_size_limit.applicable with input as {"service": {"name": "worker"}}
}

test_override if {
	count(api_request_size_limit.deny) == 1 with input as {"apis": [{"name": "o", "max_request_bytes": 1025}]}
		with data.archvet.params as {"PR101": {"max_request_bytes": [1024, 1024, 1024, 1024]}}
}

package archvet.rules.production_readiness.api_server_timeouts_test

import rego.v1

import data.archvet.rules.production_readiness.api_server_timeouts

test_deadline_passes if {
	count(api_server_timeouts.deny) == 0 with input as {"apis": [{"name": "orders", "timeout_ms": 3000}]}
}

test_missing_deadline_fails if {
	findings := api_server_timeouts.deny with input as {"apis": [
		{"name": "orders", "timeout_ms": 3000},
		{"name": "reports"},
		{"name": "export", "timeout_ms": 0},
	]}
	paths := {f.path | some f in findings}
	paths == {"apis[1].timeout_ms", "apis[2].timeout_ms"}
}

test_no_apis_not_applicable if {
	not api_server_timeouts.applicable with input as {"service": {"name": "worker"}}
}

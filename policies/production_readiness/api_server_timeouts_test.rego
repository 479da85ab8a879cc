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
	{f.path | some f in findings} == {"apis[2].timeout_ms"}
	{f.path | some f in api_server_timeouts.unanswered} == {"apis[1].timeout_ms"} with input as {"apis": [
		{"name": "orders", "timeout_ms": 3000},
		{"name": "reports"},
	]}
	api_server_timeouts.applicable with input as {"apis": [{"name": "reports"}]}
}

test_no_apis_not_applicable if {
	not api_server_timeouts.applicable with input as {"service": {"name": "worker"}}
}

tier_input(tier, timeout) := {"service": {"tier": tier}, "apis": [{"name": "orders", "timeout_ms": timeout}]}

test_tier_boundaries if {
	count(api_server_timeouts.deny) == 0 with input as tier_input(0, 10000)
	{f.path | some f in api_server_timeouts.deny} == {"apis[0].timeout_ms"} with input as tier_input(0, 10001)
	count(api_server_timeouts.deny) == 0 with input as tier_input(1, 30000)
	count(api_server_timeouts.deny) == 1 with input as tier_input(1, 30001)
	count(api_server_timeouts.deny) == 0 with input as tier_input(2, 30000)
	count(api_server_timeouts.deny) == 1 with input as tier_input(2, 30001)
	count(api_server_timeouts.deny) == 0 with input as tier_input(3, 60000)
	count(api_server_timeouts.deny) == 1 with input as tier_input(3, 60001)
}

test_override if {
	count(api_server_timeouts.deny) == 1 with input as tier_input(3, 2001)
		with data.archvet.params as {"PR111": {"max_timeout_ms": [2000, 2000, 2000, 2000]}}
}

package archvet.rules.production_readiness.obs_trace_context_propagation_test

import rego.v1

import data.archvet.rules.production_readiness.obs_trace_context_propagation as rule

test_w3c_all_hops_passes if {
	count(rule.deny) == 0 with input as {
		"dependencies": [{"name": "payments"}],
		"observability": {"tracing": {"propagation": "w3c-tracecontext", "all_hops": true}},
	}
}

test_b3_fails if {
	findings := rule.deny with input as {
		"dependencies": [{"name": "payments"}],
		"observability": {"tracing": {"propagation": "b3", "all_hops": true}},
	}
	count(findings) == 1
	some f in findings
	f.path == "observability.tracing.propagation"
	contains(f.msg, "b3")
}

test_async_hops_not_covered_fails if {
	findings := rule.deny with input as {
		"events": {"consumes": [{"name": "order-placed"}]},
		"observability": {"tracing": {"propagation": "w3c-tracecontext", "all_hops": false}},
	}
	count(findings) == 1
	some f in findings
	f.path == "observability.tracing.all_hops"
	contains(f.msg, "asynchronous")
}

test_nothing_stated_fails_twice if {
	findings := rule.deny with input as {"dependencies": [{"name": "payments"}]}
	count(findings) == 2
}

test_no_hops_not_applicable if {
	not rule.applicable with input as {"apis": [{"name": "orders"}]}
}

test_tier3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "s", "owner": "t", "tier": 3},
		"dependencies": [{"name": "payments"}],
	}
}

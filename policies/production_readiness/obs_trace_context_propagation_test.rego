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

test_nothing_stated_asks_twice if {
	count(rule.deny) == 0 with input as {"dependencies": [{"name": "payments"}]}
	paths := {f.path | some f in rule.unanswered} with input as {"dependencies": [{"name": "payments"}]}
	paths == {"observability.tracing.propagation", "observability.tracing.all_hops"}
}

test_sync_hop_not_covered_fails if {
	some f in rule.deny with input as {
		"dependencies": [{"name": "payments"}],
		"observability": {"tracing": {"propagation": "w3c-tracecontext", "all_hops": false}},
	}
	f.path == "observability.tracing.all_hops"
	contains(f.msg, "every call")
}

test_applicable_with_hops if {
	rule.applicable with input as {"dependencies": [{"name": "payments"}]}
}

# Bug 18: tracing off is PR412's finding alone.
test_tracing_off_reports_nothing if {
	not rule.applicable with input as {
		"dependencies": [{"name": "payments"}],
		"observability": {"tracing": {"enabled": false}},
	}
	count(rule.deny) == 0 with input as {
		"dependencies": [{"name": "payments"}],
		"observability": {"tracing": {"enabled": false}},
	}
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

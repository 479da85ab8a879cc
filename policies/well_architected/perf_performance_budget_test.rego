package archvet.rules.well_architected.perf_performance_budget_test

import rego.v1

import data.archvet.rules.well_architected.perf_performance_budget

test_budget_passes if {
	count(perf_performance_budget.deny) == 0 with input as {
		"apis": [{"name": "a"}],
		"capacity": {"performance_budget_ms": 200},
	}
}

# PR402 owns the latency target: no budget is not this rule's question.
test_missing_budget_not_applicable if {
	not perf_performance_budget.applicable with input as {"apis": [{"name": "orders"}]}
}

test_budget_equal_to_slo_passes if {
	inp := {"apis": [{"name": "a"}], "capacity": {"performance_budget_ms": 300}, "slos": [{"name": "l", "sli": "latency", "threshold_ms": 300}]}
	perf_performance_budget.applicable with input as inp
	count(perf_performance_budget.deny) == 0 with input as inp
	count(perf_performance_budget.deny) == 1 with input as object.union(inp, {"capacity": {"performance_budget_ms": 301}})
}

test_budget_looser_than_slo_fails if {
	findings := perf_performance_budget.deny with input as {
		"apis": [{"name": "a"}],
		"slos": [
			{"name": "avail", "sli": "availability"},
			{"name": "fast", "sli": "latency", "threshold_ms": 300},
		],
		"capacity": {"performance_budget_ms": 500},
	}
	count(findings) == 1
	some f in findings
	f.path == "capacity.performance_budget_ms"
	contains(f.msg, "fast")
}

test_no_api_not_applicable if {
	not perf_performance_budget.applicable with input as {"events": {"consumes": [{"name": "e"}]}}
}

package archvet.rules.well_architected.perf_performance_budget_test

import rego.v1

import data.archvet.rules.well_architected.perf_performance_budget

test_budget_passes if {
	count(perf_performance_budget.deny) == 0 with input as {
		"apis": [{"name": "a"}],
		"capacity": {"performance_budget_ms": 200},
	}
}

test_missing_budget_fails if {
	findings := perf_performance_budget.unanswered with input as {"apis": [{"name": "a"}]}
	count(findings) == 1
	some f in findings
	f.path == "capacity.performance_budget_ms"
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

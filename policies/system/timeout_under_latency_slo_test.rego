package archvet.system.timeout_under_latency_slo_test

import rego.v1

import data.archvet.system.timeout_under_latency_slo

latency_at := {"file": "inventory/design.yaml", "line": 130, "column": 19}

case(timeout, sync, threshold) := {
	"dependencies": [{"name": "search", "timeout_ms": 10}, {"name": "inventory", "timeout_ms": timeout}],
	"_system": {"dependencies": [
		{"name": "search", "reviewed": false, "sync": true, "callee": null},
		{
			"name": "inventory", "reviewed": true, "sync": sync,
			"callee": {"name": "inventory", "latency_threshold_ms": threshold, "latency_at": latency_at},
		},
	]},
}

test_timeout_under_the_latency_threshold_fails if {
	inp := case(300, true, 400)
	timeout_under_latency_slo.applicable with input as inp
	findings := timeout_under_latency_slo.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].timeout_ms"
	contains(f.msg, "after 300 ms, but inventory's latency SLO counts answers up to 400 ms as good")
	f.related == [{"msg": "inventory's latency SLO sets 400 ms here", "at": latency_at}]
}

test_timeout_at_the_threshold_passes if {
	count(timeout_under_latency_slo.deny) == 0 with input as case(400, true, 400)
	count(timeout_under_latency_slo.deny) == 1 with input as case(399, true, 400)
}

test_async_or_unknown_facts_pass if {
	count(timeout_under_latency_slo.deny) == 0 with input as case(100, false, 400)
	count(timeout_under_latency_slo.deny) == 0 with input as case(100, true, null)
	count(timeout_under_latency_slo.deny) == 0 with input as case(null, true, 400)
}

test_alone_not_applicable if {
	not timeout_under_latency_slo.applicable with input as object.remove(case(300, true, 400), ["_system"])
	not timeout_under_latency_slo.applicable with input as {"_system": {"dependencies": []}}
}

test_one_dependency_applicable if {
	timeout_under_latency_slo.applicable with input as {"dependencies": [{"name": "a"}], "_system": {"dependencies": []}}
}

package archvet.system.caller_outlived_test

import rego.v1

import data.archvet.system.caller_outlived

deadline_at := {"file": "payments/design.yaml", "line": 120, "column": 17}

case(timeout, attempts, sync, deadline) := {
	"dependencies": [{"name": "search", "timeout_ms": 10}, {"name": "payments", "timeout_ms": timeout}],
	"_system": {"dependencies": [
		{"name": "search", "reviewed": false, "sync": true, "attempts": 1, "callee": null},
		{
			"name": "payments", "reviewed": true, "sync": sync, "attempts": attempts,
			"callee": {"name": "payments", "api": "payments-api", "deadline_ms": deadline, "deadline_at": deadline_at},
		},
	]},
}

test_caller_gives_up_before_the_callee_deadline_fails if {
	inp := case(600, 3, true, 5000)
	caller_outlived.applicable with input as inp
	findings := caller_outlived.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].timeout_ms"
	contains(f.msg, "after 1800 ms (3 attempt(s) of 600 ms), but payments lets each request run for 5000 ms")
	f.related == [{"msg": "payments lets each request run for 5000 ms here", "at": deadline_at}]
}

test_budget_equal_to_the_deadline_passes if {
	count(caller_outlived.deny) == 0 with input as case(1000, 2, true, 2000)
	count(caller_outlived.deny) == 1 with input as case(999, 2, true, 2000)
	count(caller_outlived.deny) == 0 with input as case(2000, 1, true, 2000)
}

test_async_or_unknown_facts_pass if {
	count(caller_outlived.deny) == 0 with input as case(100, 1, false, 5000)
	count(caller_outlived.deny) == 0 with input as case(100, 1, true, null)
	count(caller_outlived.deny) == 0 with input as case(null, 1, true, 5000)
}

test_alone_not_applicable if {
	not caller_outlived.applicable with input as object.remove(case(600, 3, true, 5000), ["_system"])
	not caller_outlived.applicable with input as {"_system": {"dependencies": []}}
}

test_one_dependency_applicable if {
	caller_outlived.applicable with input as {"dependencies": [{"name": "a"}], "_system": {"dependencies": []}}
}

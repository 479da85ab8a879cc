package archvet.system.dependency_cycles_test

import rego.v1

import data.archvet.system.dependency_cycles

at(file, line) := {"file": file, "line": line, "column": 5}

# A three-service loop ledger -> payments -> risk -> ledger, reported in
# ledger's review at its dependency 1.
three_loop := {
	"service": {"name": "ledger", "tier": 1},
	"dependencies": [{"name": "audit"}, {"name": "payments"}],
	"_system": {
		"dependencies": [
			{"name": "audit", "reviewed": false, "callee": null},
			{"name": "payments", "reviewed": true, "callee": {"name": "payments", "at": at("payments.yaml", 3)}},
		],
		"cycles": [{"dependency": 1, "path": [
			{"service": "ledger", "file": "ledger.yaml", "dependency": 1, "at": at("ledger.yaml", 20)},
			{"service": "payments", "file": "payments.yaml", "dependency": 0, "at": at("payments.yaml", 30)},
			{"service": "risk", "file": "risk.yaml", "dependency": 2, "at": at("risk.yaml", 40)},
		]}],
	},
}

test_cycle_is_reported_at_its_edge_with_the_other_hops if {
	dependency_cycles.applicable with input as three_loop
	findings := dependency_cycles.deny with input as three_loop
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1]"
	contains(f.msg, "3 services: ledger -> payments -> risk -> ledger")
	f.related == [
		{"msg": "payments calls risk here", "at": at("payments.yaml", 30)},
		{"msg": "risk calls ledger here", "at": at("risk.yaml", 40)},
	]
}

two_loop(calls_back) := {
	"service": {"name": "ledger", "tier": 1},
	"dependencies": [{"name": "payments", "calls_back": calls_back}],
	"_system": {
		"dependencies": [{"name": "payments", "reviewed": true, "callee": {"name": "payments", "at": at("payments.yaml", 3)}}],
		"cycles": [{"dependency": 0, "path": [
			{"service": "ledger", "file": "ledger.yaml", "dependency": 0, "at": at("ledger.yaml", 20)},
			{"service": "payments", "file": "payments.yaml", "dependency": 4, "at": at("payments.yaml", 30)},
		]}],
	},
}

test_two_service_cycle_contradicts_calls_back_false if {
	findings := dependency_cycles.deny with input as two_loop(false)
	{f.path | some f in findings} == {"dependencies[0]", "dependencies[0].calls_back"}
	some f in findings
	f.path == "dependencies[0].calls_back"
	f.related == [{"msg": "payments calls this service here", "at": at("payments.yaml", 30)}]
}

test_cycle_position_wins_over_the_derived_fact if {
	inp := json.patch(two_loop(false), [{"op": "add", "path": "/_system/dependencies/0/calls_back", "value": true}])
	some f in dependency_cycles.deny with input as inp
	f.path == "dependencies[0].calls_back"
	f.related == [{"msg": "payments calls this service here", "at": at("payments.yaml", 30)}]
}

test_two_service_cycle_with_calls_back_true_only_reports_the_cycle if {
	findings := dependency_cycles.deny with input as two_loop(true)
	{f.path | some f in findings} == {"dependencies[0]"}
}

test_longer_cycle_does_not_judge_calls_back if {
	inp := json.patch(three_loop, [{"op": "add", "path": "/dependencies/1/calls_back", "value": false}])
	{f.path | some f in dependency_cycles.deny} == {"dependencies[1]"} with input as inp
}

derived(stated, derived_fact) := {
	"service": {"name": "checkout", "tier": 0},
	"dependencies": [{"name": "search"}, object.union({"name": "payments"}, stated)],
	"_system": {
		"dependencies": [
			{"name": "search", "reviewed": false, "callee": null},
			object.union({"name": "payments", "reviewed": true, "callee": {"name": "payments", "at": at("payments.yaml", 3)}}, derived_fact),
		],
		"cycles": [],
	},
}

test_derived_calls_back_contradicts_false if {
	inp := derived({"calls_back": false}, {"calls_back": true, "calls_back_at": at("payments.yaml", 50)})
	findings := dependency_cycles.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].calls_back"
	f.related == [{"msg": "payments calls this service here", "at": at("payments.yaml", 50)}]
}

test_derived_calls_back_without_position_points_at_the_callee if {
	inp := derived({"calls_back": false}, {"calls_back": true})
	some f in dependency_cycles.deny with input as inp
	f.related == [{"msg": "payments is reviewed here and depends on this service", "at": at("payments.yaml", 3)}]
}

test_derived_no_call_back_contradicts_true if {
	findings := dependency_cycles.deny with input as derived({"calls_back": true}, {"calls_back": false})
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].calls_back"
	f.related == [{"msg": "payments is reviewed here", "at": at("payments.yaml", 3)}]
}

test_agreeing_calls_back_passes if {
	count(dependency_cycles.deny) == 0 with input as derived({"calls_back": false}, {"calls_back": false})
	count(dependency_cycles.deny) == 0 with input as derived({"calls_back": true}, {"calls_back": true})
	count(dependency_cycles.deny) == 0 with input as derived({"calls_back": true}, {})
	count(dependency_cycles.deny) == 0 with input as derived({}, {"calls_back": true})
}

test_contradicted_call_depth_fails if {
	findings := dependency_cycles.deny with input as derived({"call_depth": 1}, {"call_depth": 3})
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].call_depth"
	contains(f.msg, "1 hop(s) deep, but the reviews of the system make it 3")
	f.related == [{"msg": "payments is reviewed here", "at": at("payments.yaml", 3)}]
}

test_matching_or_underived_call_depth_passes if {
	count(dependency_cycles.deny) == 0 with input as derived({"call_depth": 2}, {"call_depth": 2})
	count(dependency_cycles.deny) == 0 with input as derived({"call_depth": 2}, {})
	count(dependency_cycles.deny) == 0 with input as derived({}, {"call_depth": 2})
}

test_alone_not_applicable if {
	not dependency_cycles.applicable with input as object.remove(three_loop, ["_system"])
}

test_one_dependency_applicable if {
	dependency_cycles.applicable with input as two_loop(true)
	not dependency_cycles.applicable with input as {"service": {"name": "a"}, "_system": {"cycles": []}}
}

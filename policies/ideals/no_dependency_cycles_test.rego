package archvet.rules.ideals.no_dependency_cycles_test

import rego.v1

import data.archvet.rules.ideals.no_dependency_cycles

test_acyclic_passes if {
	count(no_dependency_cycles.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "calls_back": false},
		{"name": "search"},
	]}
}

test_cycle_fails if {
	case_input := {"dependencies": [
		{"name": "search"},
		{"name": "payments", "calls_back": true},
	]}
	no_dependency_cycles.applicable with input as case_input
	findings := no_dependency_cycles.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].calls_back"
}

test_no_dependencies_not_applicable if {
	not no_dependency_cycles.applicable with input as {"apis": [{"name": "public"}]}
}

test_unstated_call_back_is_unanswered if {
	inp := {"dependencies": [{"name": "a", "calls_back": false}, {"name": "b"}]}
	{f.path | some f in no_dependency_cycles.unanswered} == {"dependencies[1].calls_back"} with input as inp
	count(no_dependency_cycles.deny) == 0 with input as inp
}

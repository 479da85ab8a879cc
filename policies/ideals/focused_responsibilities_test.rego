package archvet.rules.ideals.focused_responsibilities_test

import rego.v1

import data.archvet.rules.ideals.focused_responsibilities

test_short_list_passes if {
	count(focused_responsibilities.deny) == 0 with input as {"service": {"name": "orders", "responsibilities": ["take orders", "track orders"]}}
}

test_long_list_fails if {
	findings := focused_responsibilities.deny with input as {"service": {"name": "orders", "responsibilities": ["a", "b", "c", "d", "e", "f"]}}
	count(findings) == 1
	some f in findings
	f.path == "service.responsibilities"
}

test_missing_list_fails if {
	some f in focused_responsibilities.unanswered with input as {"service": {"name": "orders"}}
	f.path == "service.responsibilities"
	contains(f.msg, "does not list")
}

test_responsibilities_boundary if {
	count(focused_responsibilities.deny) == 0 with input as {"service": {"responsibilities": ["a", "b", "c", "d", "e"]}}
	case26 := {"service": {"responsibilities": ["a", "b", "c", "d", "e", "f"]}}
	{f.path | some f in focused_responsibilities.deny} == {"service.responsibilities"} with input as case26
}

test_responsibilities_override if {
	count(focused_responsibilities.deny) == 1 with input as {"service": {"responsibilities": ["a", "b", "c"]}}
		with data.archvet.params as {"ID017": {"max_responsibilities_count": [2, 2, 2, 2]}}
}

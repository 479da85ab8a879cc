package archvet.rules.twelve_factor.no_implicit_system_tools_test

import rego.v1

import data.archvet.rules.twelve_factor.no_implicit_system_tools as rule

test_no_tools_passes if {
	count(rule.deny) == 0 with input as {"build": {"system_tools": []}}
}

test_absent_list_passes if {
	count(rule.deny) == 0 with input as {"build": {"manifest": "go.mod"}}
}

test_each_tool_is_a_finding if {
	findings := rule.deny with input as {"build": {"system_tools": ["imagemagick", "curl"]}}
	count(findings) == 2
	some f in findings
	f.path == "build.system_tools[1]"
	contains(f.msg, "curl")
}

# Deleting build from the prototype must not turn the failure into a pass.
test_unstated_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"build.system_tools"} with input as {}
	count(rule.deny) == 0 with input as {}
}

test_empty_list_answers if {
	count(rule.unanswered) == 0 with input as {"build": {"system_tools": []}}
}

package archvet.rules.twelve_factor.admin_same_release_test

import rego.v1

import data.archvet.rules.twelve_factor.admin_same_release as rule

test_same_release_passes if {
	count(rule.deny) == 0 with input as {"processes": {"admin_tasks": {"same_release": true}}}
}

test_other_release_fails if {
	findings := rule.deny with input as {"processes": {"admin_tasks": {"mode": "one-off-process", "same_release": false}}}
	count(findings) == 1
	some f in findings
	f.path == "processes.admin_tasks.same_release"
}

test_missing_fails if {
	some f in rule.unanswered with input as {"processes": {"admin_tasks": {"mode": "one-off-process"}}}
	f.path == "processes.admin_tasks.same_release"
	contains(f.msg, "does not say")
}

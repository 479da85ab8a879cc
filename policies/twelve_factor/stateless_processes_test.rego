package archvet.rules.twelve_factor.stateless_processes_test

import rego.v1

import data.archvet.rules.twelve_factor.stateless_processes as rule

test_stateless_passes if {
	count(rule.deny) == 0 with input as {"processes": {"stateless": true}}
}

test_stateful_fails if {
	findings := rule.deny with input as {"processes": {"stateless": false}}
	count(findings) == 1
	some f in findings
	f.path == "processes.stateless"
}

test_missing_fails if {
	some f in rule.deny with input as {"processes": {}}
	f.path == "processes.stateless"
	contains(f.msg, "does not say")
}

package archvet.rules.twelve_factor.no_sticky_sessions_test

import rego.v1

import data.archvet.rules.twelve_factor.no_sticky_sessions as rule

test_no_affinity_passes if {
	count(rule.deny) == 0 with input as {"processes": {"sticky_sessions": false}}
}

test_sticky_sessions_fail if {
	findings := rule.deny with input as {"processes": {"sticky_sessions": true}}
	count(findings) == 1
	some f in findings
	f.path == "processes.sticky_sessions"
}

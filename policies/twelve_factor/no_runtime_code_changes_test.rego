package archvet.rules.twelve_factor.no_runtime_code_changes_test

import rego.v1

import data.archvet.rules.twelve_factor.no_runtime_code_changes as rule

test_no_runtime_changes_pass if {
	count(rule.deny) == 0 with input as {"build": {"runtime_code_changes": false}}
}

test_runtime_changes_fail if {
	findings := rule.deny with input as {"build": {"runtime_code_changes": true}}
	count(findings) == 1
	some f in findings
	f.path == "build.runtime_code_changes"
}

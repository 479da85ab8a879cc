package archvet.rules.twelve_factor.no_environment_names_in_code_test

import rego.v1

import data.archvet.rules.twelve_factor.no_environment_names_in_code as rule

test_independent_settings_pass if {
	count(rule.deny) == 0 with input as {"config": {"environment_groups_in_code": false}}
}

test_environment_groups_fail if {
	findings := rule.deny with input as {"config": {"source": "environment", "environment_groups_in_code": true}}
	count(findings) == 1
	some f in findings
	f.path == "config.environment_groups_in_code"
}

test_unstated_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"config.environment_groups_in_code"} with input as {"config": {}}
	count(rule.deny) == 0 with input as {"config": {}}
}

test_stated_false_answers if {
	count(rule.unanswered) == 0 with input as {"config": {"environment_groups_in_code": false}}
}

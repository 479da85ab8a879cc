package archvet.rules.well_architected.ops_infrastructure_as_code_test

import rego.v1

import data.archvet.rules.well_architected.ops_infrastructure_as_code as rule

test_iac_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"infrastructure_as_code": true}}
}

test_manual_infrastructure_fails if {
	case_input := {"deployment": {"infrastructure_as_code": false}}
	rule.applicable with input as case_input
	findings := rule.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "deployment.infrastructure_as_code"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"deployment": {}}
	contains(f.msg, "does not say")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

package archvet.rules.production_readiness.change_canary_analysis_test

import rego.v1

import data.archvet.rules.production_readiness.change_canary_analysis as rule

test_analysis_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"strategy": "canary", "canary_analysis": true}}
}

test_no_analysis_fails if {
	findings := rule.deny with input as {"deployment": {"strategy": "canary", "canary_analysis": false}}
	count(findings) == 1
	some f in findings
	f.path == "deployment.canary_analysis"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"deployment": {"strategy": "canary"}}
	f.path == "deployment.canary_analysis"
}

test_blue_green_not_applicable if {
	not rule.applicable with input as {"deployment": {"strategy": "blue-green"}}
}

test_cover_applicable if {
	rule.applicable with input as {"deployment": {"strategy": "canary"}}
}

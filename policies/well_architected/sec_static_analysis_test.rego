package archvet.rules.well_architected.sec_static_analysis_test

import rego.v1

import data.archvet.rules.well_architected.sec_static_analysis as rule

good := {"build": {"ci": true, "static_analysis": true, "code_review": true}}

test_reviewed_and_scanned_passes if {
	rule.applicable with input as good
	count(rule.deny) == 0 with input as good
	count(rule.unanswered) == 0 with input as good
}

test_no_static_analysis_fails if {
	{f.path | some f in rule.deny} == {"build.static_analysis"} with input as {"build": {"ci": true, "static_analysis": false, "code_review": true}}
}

test_static_analysis_without_ci_fails if {
	{f.path | some f in rule.deny} == {"build.ci"} with input as {"build": {"ci": false, "static_analysis": true, "code_review": true}}
}

test_no_review_fails if {
	{f.path | some f in rule.deny} == {"build.code_review"} with input as {"build": {"ci": true, "static_analysis": true, "code_review": false}}
}

test_silence_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"build.static_analysis", "build.code_review"} with input as {}
	count(rule.deny) == 0 with input as {}
}

test_experimental_not_applicable if {
	not rule.applicable with input as {"service": {"lifecycle": "experimental"}}
}

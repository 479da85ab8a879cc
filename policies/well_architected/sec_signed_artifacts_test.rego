package archvet.rules.well_architected.sec_signed_artifacts_test

import rego.v1

import data.archvet.rules.well_architected.sec_signed_artifacts

test_signed_passes if {
	count(sec_signed_artifacts.deny) == 0 with input as {"build": {"artifact": {"signed": true}}}
}

test_unsigned_fails if {
	case_input := {
		"service": {"name": "s", "owner": "t", "tier": 1},
		"build": {"artifact": {"signed": false}},
	}
	sec_signed_artifacts.applicable with input as case_input
	findings := sec_signed_artifacts.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "build.artifact.signed"
}

test_unstated_fails if {
	some f in sec_signed_artifacts.unanswered with input as {"build": {}}
	f.path == "build.artifact.signed"
}

test_tier_2_not_applicable if {
	not sec_signed_artifacts.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 2}}
}

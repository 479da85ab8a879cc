package archvet.rules.twelve_factor.build_release_run_separated_test

import rego.v1

import data.archvet.rules.twelve_factor.build_release_run_separated as rule

test_separate_stages_pass if {
	count(rule.deny) == 0 with input as {"build": {"stages_separated": true, "artifact": {"kind": "binary"}}}
}

test_merged_stages_fail if {
	findings := rule.deny with input as {"build": {"stages_separated": false}}
	count(findings) == 1
	some f in findings
	f.path == "build.stages_separated"
}

test_missing_flag_fails if {
	some f in rule.unanswered with input as {"build": {"manifest": "go.mod"}}
	f.path == "build.stages_separated"
	contains(f.msg, "does not say")
}

test_source_artifact_contradicts_separation if {
	findings := rule.deny with input as {"build": {"stages_separated": true, "artifact": {"kind": "source"}}}
	count(findings) == 1
	some f in findings
	f.path == "build.artifact.kind"
}

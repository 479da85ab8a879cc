package archvet.rules.twelve_factor.immutable_artifacts_test

import rego.v1

import data.archvet.rules.twelve_factor.immutable_artifacts as rule

test_immutable_passes if {
	inp := {"build": {"artifact": {"immutable": true}, "runtime_code_changes": false}}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_mutable_artifact_fails if {
	{f.path | some f in rule.deny} == {"build.artifact.immutable"} with input as {"build": {"artifact": {"immutable": false}, "runtime_code_changes": false}}
}

test_runtime_code_changes_fail if {
	{f.path | some f in rule.deny} == {"build.runtime_code_changes"} with input as {"build": {"artifact": {"immutable": true}, "runtime_code_changes": true}}
}

# Deleting build must not turn the prototype's failure into a pass.
test_silence_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"build.artifact.immutable", "build.runtime_code_changes"} with input as {}
	count(rule.deny) == 0 with input as {}
}

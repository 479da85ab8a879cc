package archvet.rules.twelve_factor.dependency_lockfile_test

import rego.v1

import data.archvet.rules.twelve_factor.dependency_lockfile as rule

test_manifest_and_lockfile_pass if {
	inp := {"build": {"manifest": "go.mod", "lockfile": "go.sum"}}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_missing_lockfile_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"build.lockfile"} with input as {"build": {"manifest": "go.mod"}}
}

test_missing_manifest_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"build.manifest"} with input as {"build": {"manifest": " ", "lockfile": "go.sum"}}
}

test_silence_is_unanswered_twice if {
	count(rule.unanswered) == 2 with input as {}
	count(rule.deny) == 0 with input as {}
}

test_manifest_as_lockfile_fails if {
	findings := rule.deny with input as {"build": {"manifest": "requirements.txt", "lockfile": "requirements.txt"}}
	{f.path | some f in findings} == {"build.lockfile"}
	some f in findings
	contains(f.msg, "manifest itself")
}

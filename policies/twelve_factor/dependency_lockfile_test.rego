package archvet.rules.twelve_factor.dependency_lockfile_test

import rego.v1

import data.archvet.rules.twelve_factor.dependency_lockfile as rule

test_lockfile_passes if {
	count(rule.deny) == 0 with input as {"build": {"manifest": "go.mod", "lockfile": "go.sum"}}
}

test_missing_lockfile_fails if {
	findings := rule.deny with input as {"build": {"manifest": "go.mod"}}
	count(findings) == 1
	some f in findings
	f.path == "build.lockfile"
}

test_manifest_as_lockfile_fails if {
	findings := rule.deny with input as {"build": {"manifest": "requirements.txt", "lockfile": "requirements.txt"}}
	count(findings) == 1
	some f in findings
	f.path == "build.lockfile"
	contains(f.msg, "manifest itself")
}

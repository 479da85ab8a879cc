package archvet.rules.twelve_factor.dependency_manifest_test

import rego.v1

import data.archvet.rules.twelve_factor.dependency_manifest as rule

test_manifest_passes if {
	count(rule.deny) == 0 with input as {"build": {"manifest": "package.json"}}
}

test_missing_manifest_fails if {
	findings := rule.deny with input as {"build": {"lockfile": "package-lock.json"}}
	count(findings) == 1
	some f in findings
	f.path == "build.manifest"
}

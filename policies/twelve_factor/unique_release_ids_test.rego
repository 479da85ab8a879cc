package archvet.rules.twelve_factor.unique_release_ids_test

import rego.v1

import data.archvet.rules.twelve_factor.unique_release_ids as rule

test_semver_passes if {
	count(rule.deny) == 0 with input as {"build": {"release_id": "semver"}}
}

test_none_fails if {
	findings := rule.deny with input as {"build": {"release_id": "none"}}
	count(findings) == 1
	some f in findings
	f.path == "build.release_id"
}

test_missing_fails if {
	some f in rule.unanswered with input as {"build": {}}
	f.path == "build.release_id"
	contains(f.msg, "does not say")
}

package archvet.rules.twelve_factor.immutable_artifacts_test

import rego.v1

import data.archvet.rules.twelve_factor.immutable_artifacts as rule

test_immutable_passes if {
	count(rule.deny) == 0 with input as {"build": {"artifact": {"kind": "container-image", "immutable": true}}}
}

test_mutable_fails if {
	findings := rule.deny with input as {"build": {"artifact": {"immutable": false}}}
	count(findings) == 1
	some f in findings
	f.path == "build.artifact.immutable"
}

test_missing_fails if {
	some f in rule.deny with input as {"build": {"artifact": {"kind": "binary"}}}
	f.path == "build.artifact.immutable"
	contains(f.msg, "does not say")
}

package archvet.rules.production_readiness.testing_ci_unit_tests_test

import rego.v1

import data.archvet.rules.production_readiness.testing_ci_unit_tests as rule

test_ci_with_unit_tests_passes if {
	count(rule.deny) == 0 with input as {"build": {"ci": true, "tests": {"unit": true}}}
}

test_no_ci_fails if {
	findings := rule.deny with input as {"build": {"ci": false, "tests": {"unit": true}}}
	count(findings) == 1
	some f in findings
	f.path == "build.ci"
}

test_no_unit_tests_fails if {
	findings := rule.deny with input as {"build": {"ci": true, "tests": {"unit": false}}}
	count(findings) == 1
	some f in findings
	f.path == "build.tests.unit"
}

test_unstated_fails_twice if {
	findings := rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
	count(findings) == 2
}

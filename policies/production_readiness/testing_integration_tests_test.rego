package archvet.rules.production_readiness.testing_integration_tests_test

import rego.v1

import data.archvet.rules.production_readiness.testing_integration_tests as rule

test_integration_tests_pass if {
	count(rule.deny) == 0 with input as {
		"data_stores": [{"name": "db"}],
		"build": {"tests": {"unit": true, "integration": true}},
	}
}

test_unit_only_fails if {
	findings := rule.deny with input as {
		"data_stores": [{"name": "db"}],
		"dependencies": [{"name": "payments"}],
		"build": {"tests": {"unit": true, "integration": false}},
	}
	count(findings) == 1
	some f in findings
	f.path == "build.tests.integration"
	contains(f.msg, "2 backing")
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"events": {"publishes": [{"name": "order-placed"}]}}
	f.path == "build.tests.integration"
	contains(f.msg, "does not say")
}

test_standalone_not_applicable if {
	not rule.applicable with input as {"apis": [{"name": "calc"}]}
}

test_cover_applicable if {
	rule.applicable with input as {"dependencies": [{"name": "payments"}]}
}

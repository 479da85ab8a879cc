package archvet.rules.production_readiness.testing_contract_tests_test

import rego.v1

import data.archvet.rules.production_readiness.testing_contract_tests as rule

test_contract_tests_pass if {
	count(rule.deny) == 0 with input as {
		"apis": [{"name": "orders"}],
		"build": {"tests": {"contract": true}},
	}
}

test_no_contract_tests_fails if {
	findings := rule.deny with input as {
		"apis": [{"name": "orders"}],
		"events": {"publishes": [{"name": "order-placed"}]},
		"build": {"tests": {"unit": true, "contract": false}},
	}
	count(findings) == 1
	some f in findings
	f.path == "build.tests.contract"
	contains(f.msg, "2 api")
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"events": {"consumes": [{"name": "payment-settled"}]}}
	f.path == "build.tests.contract"
}

test_no_interfaces_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "payments"}]}
}

test_cover_applicable if {
	rule.applicable with input as {"apis": [{"name": "orders"}]}
}

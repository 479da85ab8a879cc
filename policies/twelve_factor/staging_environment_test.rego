package archvet.rules.twelve_factor.staging_environment_test

import rego.v1

import data.archvet.rules.twelve_factor.staging_environment as rule

test_staging_passes_for_critical_tier if {
	count(rule.deny) == 0 with input as {
		"service": {"tier": 0},
		"environments": [
			{"name": "staging", "kind": "staging"},
			{"name": "production", "kind": "production"},
		],
	}
}

test_test_environment_is_not_enough_for_critical_tier if {
	findings := rule.deny with input as {
		"service": {"tier": 1},
		"environments": [
			{"name": "qa", "kind": "test"},
			{"name": "production", "kind": "production"},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "environments"
}

test_test_environment_is_enough_for_tier_2 if {
	count(rule.deny) == 0 with input as {
		"service": {"tier": 2},
		"environments": [
			{"name": "qa", "kind": "test"},
			{"name": "production", "kind": "production"},
		],
	}
}

test_production_only_fails_for_tier_2 if {
	case_input := {
		"service": {"tier": 2},
		"environments": [
			{"name": "local", "kind": "development"},
			{"name": "prod"},
		],
	}
	rule.applicable with input as case_input
	findings := rule.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "environments"
}

test_missing_environments_fail if {
	findings := rule.unanswered with input as {"service": {"tier": 0}}
	count(findings) == 1
	some f in findings
	f.path == "environments"
	contains(f.msg, "does not list")
}

test_not_applicable_to_tier_3 if {
	not rule.applicable with input as {"service": {"tier": 3}}
}

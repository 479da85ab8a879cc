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

test_one_environment_without_staging_fails_for_critical if {
	{f.path | some f in rule.deny} == {"environments"} with input as {"service": {"tier": 0}, "environments": [{"name": "prod", "kind": "production"}]}
	count(rule.deny) == 0 with input as {"service": {"tier": 0}}
	count(rule.deny) == 0 with input as {"service": {"tier": 2}}
}

test_one_production_environment_is_not_pre_production if {
	count(rule.deny) == 1 with input as {"service": {"tier": 2}, "environments": [{"name": "live", "kind": "production"}]}
}

test_environment_without_kind_is_unanswered_for_tier_2 if {
	inp := {"service": {"tier": 2}, "environments": [{"name": "eu-main"}, {"name": "local", "kind": "development"}]}
	{f.path | some f in rule.unanswered} == {"environments[0].kind"} with input as inp
	count(rule.deny) == 0 with input as inp
}

test_environment_named_staging_without_kind_is_pre_production if {
	inp := {"service": {"tier": 2}, "environments": [{"name": "staging"}, {"name": "prod"}]}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

# The names an organisation gives its environments are parameters: "uat"
# reads as pre-production, and "live" as production, once it says so.
test_override_of_the_environment_names if {
	inp := {"service": {"tier": 2}, "environments": [{"name": "uat"}, {"name": "live"}]}
	{f.path | some f in rule.unanswered} == {"environments[0].kind", "environments[1].kind"} with input as inp
	overrides := {"TF025": {
		"pre_production_names": [["uat"], ["uat"], ["uat"], ["uat"]],
		"production_names": [["live"], ["live"], ["live"], ["live"]],
	}}
	count(rule.unanswered) == 0 with input as inp with data.archvet.params as overrides
	count(rule.deny) == 0 with input as inp with data.archvet.params as overrides
}

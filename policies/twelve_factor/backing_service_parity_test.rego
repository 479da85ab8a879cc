package archvet.rules.twelve_factor.backing_service_parity_test

import rego.v1

import data.archvet.rules.twelve_factor.backing_service_parity as rule

test_same_services_pass if {
	count(rule.deny) == 0 with input as {"environments": [
		{"name": "dev", "kind": "development", "backing_services": "same-as-production"},
		{"name": "staging", "kind": "staging", "backing_services": "same-as-production"},
		{"name": "production", "kind": "production"},
	]}
}

test_each_environment_checked_on_its_own if {
	inp := {"environments": [
		{"name": "dev", "kind": "development", "backing_services": "substitutes"},
		{"name": "staging", "kind": "staging", "backing_services": "same-as-production"},
		{"name": "qa", "kind": "test"},
		{"name": "production", "kind": "production"},
	]}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"environments[0].backing_services"} with input as inp
	{f.path | some f in rule.unanswered} == {"environments[2].backing_services"} with input as inp
}

test_production_named_without_kind_is_not_checked if {
	count(rule.deny) == 0 with input as {"environments": [
		{"name": "staging", "kind": "staging", "backing_services": "same-as-production"},
		{"name": "prod"},
	]}
}

test_not_applicable_with_only_production if {
	not rule.applicable with input as {"environments": [{"name": "production", "kind": "production"}]}
}

test_not_applicable_without_environments if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

test_one_non_production_environment_applicable if {
	rule.applicable with input as {"environments": [{"name": "staging", "kind": "staging"}]}
	not rule.applicable with input as {"environments": [{"name": "prod"}]}
}

# An organisation that calls production "live" says so once, and the
# environment is no longer judged as a pre-production one.
test_override_of_the_production_names if {
	inp := {"environments": [{"name": "live", "backing_services": "substitutes"}]}
	count(rule.deny) == 1 with input as inp
	not rule.applicable with input as inp with data.archvet.params as {"TF022": {"production_names": [["live"], ["live"], ["live"], ["live"]]}}
}

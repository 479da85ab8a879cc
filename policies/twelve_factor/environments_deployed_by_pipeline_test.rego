package archvet.rules.twelve_factor.environments_deployed_by_pipeline_test

import rego.v1

import data.archvet.rules.twelve_factor.environments_deployed_by_pipeline as rule

test_pipeline_everywhere_passes if {
	inp := {"environments": [
		{"name": "dev", "kind": "development", "deployed_by": "manual"},
		{"name": "staging", "kind": "staging", "deployed_by": "pipeline"},
		{"name": "production", "kind": "production", "deployed_by": "pipeline"},
	]}
	rule.applicable with input as inp
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_manual_and_unknown_per_environment if {
	inp := {"environments": [
		{"name": "staging", "kind": "staging", "deployed_by": "manual"},
		{"name": "production", "kind": "production", "deployed_by": "manual"},
		{"name": "perf"},
	]}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"environments[0].deployed_by"} with input as inp
	{f.path | some f in rule.unanswered} == {"environments[2].deployed_by"} with input as inp
}

# Production deployed by hand is ID005's finding, not this rule's.
test_production_left_to_id005 if {
	not rule.applicable with input as {"environments": [{"name": "prod", "deployed_by": "manual"}]}
}

test_not_applicable_with_only_developer_environments if {
	not rule.applicable with input as {"environments": [{"name": "dev", "kind": "development"}]}
}

test_override_of_the_production_names if {
	inp := {"environments": [{"name": "live", "deployed_by": "manual"}]}
	count(rule.deny) == 1 with input as inp
	not rule.applicable with input as inp with data.archvet.params as {"TF023": {"production_names": [["live"], ["live"], ["live"], ["live"]]}}
}

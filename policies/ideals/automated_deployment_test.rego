package archvet.rules.ideals.automated_deployment_test

import rego.v1

import data.archvet.rules.ideals.automated_deployment as rule

test_automated_passes if {
	inp := {
		"deployment": {"automated": true, "strategy": "canary"},
		"environments": [{"name": "production", "kind": "production", "deployed_by": "pipeline"}],
	}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_manual_fails if {
	{f.path | some f in rule.deny} == {"deployment.automated"} with input as {"deployment": {"automated": false}}
}

test_manual_production_environment_contradicts_flag if {
	findings := rule.deny with input as {
		"deployment": {"automated": true},
		"environments": [
			{"name": "staging", "kind": "staging", "deployed_by": "manual"},
			{"name": "prod", "deployed_by": "manual"},
		],
	}
	{f.path | some f in findings} == {"environments[1].deployed_by"}
}

# The rollout strategy is PR440/PR441's: a manual strategy alone is not
# this rule's failure any more.
test_manual_strategy_left_to_pr440 if {
	count(rule.deny) == 0 with input as {"deployment": {"automated": true, "strategy": "manual"}}
}

test_unstated_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"deployment.automated"} with input as {"deployment": {}}
	count(rule.deny) == 0 with input as {"deployment": {}}
}

test_override_of_the_production_names if {
	inp := {"deployment": {"automated": true}, "environments": [{"name": "live", "deployed_by": "manual"}]}
	count(rule.deny) == 0 with input as inp
	{f.path | some f in rule.deny} == {"environments[0].deployed_by"} with input as inp
		with data.archvet.params as {"ID005": {"production_names": [["live"], ["live"], ["live"], ["live"]]}}
}

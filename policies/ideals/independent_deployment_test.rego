package archvet.rules.ideals.independent_deployment_test

import rego.v1

import data.archvet.rules.ideals.independent_deployment as rule

test_independent_passes if {
	inp := {"deployment": {"independent": true}, "dependencies": [{"name": "payments", "deploy_before": false}]}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_coupled_fails if {
	{f.path | some f in rule.deny} == {"deployment.independent"} with input as {"deployment": {"independent": false}}
}

test_deploy_order_contradicts_independence if {
	findings := rule.deny with input as {
		"deployment": {"independent": true},
		"dependencies": [{"name": "a"}, {"name": "payments", "deploy_before": true}],
	}
	{f.path | some f in findings} == {"dependencies[1].deploy_before"}
}

test_unstated_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"deployment.independent"} with input as {"dependencies": []}
	count(rule.deny) == 0 with input as {}
}

test_unstated_deploy_order_is_unanswered if {
	inp := {"deployment": {"independent": true}, "dependencies": [{"name": "a", "deploy_before": false}, {"name": "b"}]}
	{f.path | some f in rule.unanswered} == {"dependencies[1].deploy_before"} with input as inp
}

test_dependencies_deleted_is_unanswered if {
	inp := {"deployment": {"independent": true}}
	{f.path | some f in rule.unanswered} == {"dependencies"} with input as inp
	count(rule.deny) == 0 with input as inp
}

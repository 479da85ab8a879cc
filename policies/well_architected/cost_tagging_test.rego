package archvet.rules.well_architected.cost_tagging_test

import rego.v1

import data.archvet.rules.well_architected.cost_tagging as rule

test_tagged_with_cost_center_passes if {
	inp := {"cost": {"cost_center": "CC-4711", "tagging": true}}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_untagged_fails if {
	{f.path | some f in rule.deny} == {"cost.tagging"} with input as {"cost": {"cost_center": "CC-1", "tagging": false}}
}

test_silence_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"cost.tagging", "cost.cost_center"} with input as {"cost": {"cost_center": " "}}
	count(rule.deny) == 0 with input as {}
}

package archvet.rules.well_architected.cost_nonprod_scale_to_zero_test

import rego.v1

import data.archvet.rules.well_architected.cost_nonprod_scale_to_zero

nonprod_envs := [{"name": "dev", "kind": "development"}, {"name": "prod", "kind": "production"}]

test_scale_to_zero_passes if {
	count(cost_nonprod_scale_to_zero.deny) == 0 with input as {"environments": nonprod_envs, "cost": {"scale_to_zero": true}}
}

test_always_on_fails if {
	findings := cost_nonprod_scale_to_zero.deny with input as {"environments": nonprod_envs, "cost": {"scale_to_zero": false}}
	count(findings) == 1
	some f in findings
	f.path == "cost.scale_to_zero"
	contains(f.msg, "dev")
}

test_unstated_fails if {
	some f in cost_nonprod_scale_to_zero.unanswered with input as {"environments": nonprod_envs}
	f.path == "cost.scale_to_zero"
}

test_production_only_not_applicable if {
	not cost_nonprod_scale_to_zero.applicable with input as {"environments": [{"name": "prod", "kind": "production"}]}
}

test_older_field_answers_the_question if {
	inp := {"environments": nonprod_envs, "sustainability": {"idle_scale_down": true}}
	cost_nonprod_scale_to_zero.applicable with input as inp
	count(cost_nonprod_scale_to_zero.deny) == 0 with input as inp
	count(cost_nonprod_scale_to_zero.unanswered) == 0 with input as inp
}

test_older_field_false_fails if {
	case38 := {"environments": nonprod_envs, "sustainability": {"idle_scale_down": false}}
	{f.path | some f in cost_nonprod_scale_to_zero.deny} == {"cost.scale_to_zero"} with input as case38
}

test_disagreeing_fields_fail if {
	inp := {"environments": nonprod_envs, "cost": {"scale_to_zero": true}, "sustainability": {"idle_scale_down": false}}
	{f.path | some f in cost_nonprod_scale_to_zero.deny} == {"sustainability.idle_scale_down"} with input as inp
}

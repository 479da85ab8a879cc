package archvet.rules.well_architected.sus_idle_scale_down_test

import rego.v1

import data.archvet.rules.well_architected.sus_idle_scale_down

envs := [{"name": "qa", "kind": "test"}]

test_scale_down_passes if {
	count(sus_idle_scale_down.deny) == 0 with input as {"environments": envs, "sustainability": {"idle_scale_down": true}}
}

test_always_on_fails if {
	findings := sus_idle_scale_down.deny with input as {"environments": envs, "sustainability": {"idle_scale_down": false}}
	count(findings) == 1
	some f in findings
	f.path == "sustainability.idle_scale_down"
}

test_unstated_fails if {
	some f in sus_idle_scale_down.deny with input as {"environments": envs}
	f.path == "sustainability.idle_scale_down"
}

test_production_only_not_applicable if {
	not sus_idle_scale_down.applicable with input as {"environments": [{"name": "prod", "kind": "production"}]}
}

package archvet.rules.well_architected.reliability_autoscaling_test

import rego.v1

import data.archvet.rules.well_architected.reliability_autoscaling as rule

test_autoscaling_with_metric_passes if {
	count(rule.deny) == 0 with input as {"processes": {"scaling": {
		"autoscaling": true,
		"autoscaling_metric": "queue-depth",
		"min_replicas": 2,
		"max_replicas": 10,
	}}}
}

test_manual_scaling_fails if {
	case_input := {"processes": {"scaling": {"autoscaling": false}}}
	rule.applicable with input as case_input
	findings := rule.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "processes.scaling.autoscaling"
}

test_no_room_to_scale_fails if {
	some f in rule.deny with input as {"processes": {"scaling": {
		"autoscaling": true,
		"autoscaling_metric": "cpu",
		"min_replicas": 4,
		"max_replicas": 4,
	}}}
	f.path == "processes.scaling.max_replicas"
}

test_serverless_not_applicable if {
	not rule.applicable with input as {"deployment": {"platform": "serverless"}}
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
}

test_unstated_autoscaling_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"processes.scaling.autoscaling"} with input as {"service": {"tier": 1}, "processes": {"scaling": {"min_replicas": 2}}}
}

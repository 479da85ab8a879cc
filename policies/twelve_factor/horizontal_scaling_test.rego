package archvet.rules.twelve_factor.horizontal_scaling_test

import rego.v1

import data.archvet.rules.twelve_factor.horizontal_scaling as rule

test_scale_out_passes if {
	count(rule.deny) == 0 with input as {"processes": {
		"scaling": {"horizontal": true, "min_replicas": 2, "max_replicas": 10},
		"id_generation": "uuid",
	}}
}

test_vertical_only_fails if {
	findings := rule.deny with input as {"processes": {"scaling": {"horizontal": false}}}
	count(findings) == 1
	some f in findings
	f.path == "processes.scaling.horizontal"
}

test_missing_fails if {
	some f in rule.unanswered with input as {"processes": {}}
	f.path == "processes.scaling.horizontal"
	contains(f.msg, "does not say")
}

test_replica_cap_of_one_contradicts_claim if {
	findings := rule.deny with input as {"processes": {"scaling": {"horizontal": true, "max_replicas": 1}}}
	count(findings) == 1
	some f in findings
	f.path == "processes.scaling.max_replicas"
}

test_max_below_min_fails if {
	findings := rule.deny with input as {"processes": {"scaling": {"horizontal": true, "min_replicas": 4, "max_replicas": 3}}}
	count(findings) == 1
	some f in findings
	f.path == "processes.scaling.max_replicas"
}

# PR320 owns id generation: this rule no longer judges it.
test_single_counter_left_to_pr320 if {
	count(rule.deny) == 0 with input as {"processes": {"scaling": {"horizontal": true, "min_replicas": 2, "max_replicas": 4}, "id_generation": "single-counter"}}
}

test_replica_cap_at_the_limit_passes if {
	count(rule.deny) == 0 with input as {"processes": {"scaling": {"horizontal": true, "min_replicas": 2, "max_replicas": 2}}}
}

test_max_equal_to_min_passes if {
	count(rule.deny) == 0 with input as {"processes": {"scaling": {"horizontal": true, "min_replicas": 3, "max_replicas": 3}}}
}

test_replica_cap_override if {
	some f in rule.deny with input as {"processes": {"scaling": {"horizontal": true, "max_replicas": 2}}}
		with data.archvet.params as {"TF018": {"min_max_replicas_count": [3, 3, 3, 3]}}
	f.path == "processes.scaling.max_replicas"
}

test_missing_cap_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"processes.scaling.max_replicas"} with input as {"processes": {"scaling": {"horizontal": true}}}
}

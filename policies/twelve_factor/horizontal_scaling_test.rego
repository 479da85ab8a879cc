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
	some f in rule.deny with input as {"processes": {}}
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

test_single_counter_fails if {
	findings := rule.deny with input as {"processes": {
		"scaling": {"horizontal": true},
		"id_generation": "single-counter",
	}}
	count(findings) == 1
	some f in findings
	f.path == "processes.id_generation"
}

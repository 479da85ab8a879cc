package archvet.rules.well_architected.sus_efficient_hardware_test

import rego.v1

import data.archvet.rules.well_architected.sus_efficient_hardware as rule

test_arm_passes if {
	count(rule.deny) == 0 with input as {"capacity": {"compute": "arm"}}
	count(rule.unanswered) == 0 with input as {"capacity": {"compute": "arm"}}
}

test_gpu_passes if {
	count(rule.deny) == 0 with input as {"capacity": {"compute": "gpu"}}
}

test_x86_fails if {
	{f.path | some f in rule.deny} == {"capacity.compute"} with input as {"capacity": {"compute": "x86"}}
}

test_x86_with_decision_passes if {
	count(rule.deny) == 0 with input as {
		"capacity": {"compute": "x86"},
		"decisions": [{"id": "ADR-1", "title": "Stay on x86 for the licensed PDF engine", "status": "accepted"}],
	}
}

test_x86_with_rejected_decision_fails if {
	count(rule.deny) == 1 with input as {
		"capacity": {"compute": "x86"},
		"decisions": [{"id": "ADR-1", "title": "Stay on x86", "status": "rejected"}],
	}
}

test_unstated_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"capacity.compute"} with input as {}
}

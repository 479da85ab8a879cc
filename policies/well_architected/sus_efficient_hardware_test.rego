package archvet.rules.well_architected.sus_efficient_hardware_test

import rego.v1

import data.archvet.rules.well_architected.sus_efficient_hardware

test_arm_passes if {
	count(sus_efficient_hardware.deny) == 0 with input as {"capacity": {"compute": "arm"}}
}

test_mixed_passes if {
	count(sus_efficient_hardware.deny) == 0 with input as {"capacity": {"compute": "mixed"}}
}

test_x86_fails if {
	findings := sus_efficient_hardware.deny with input as {"capacity": {"compute": "x86"}}
	count(findings) == 1
	some f in findings
	f.path == "capacity.compute"
}

test_gpu_not_applicable if {
	not sus_efficient_hardware.applicable with input as {"capacity": {"compute": "gpu"}}
}

test_undeclared_not_applicable if {
	not sus_efficient_hardware.applicable with input as {}
}

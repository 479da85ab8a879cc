package archvet.rules.well_architected.sus_utilization_target_test

import rego.v1

import data.archvet.rules.well_architected.sus_utilization_target

test_high_target_passes if {
	count(sus_utilization_target.deny) == 0 with input as {"sustainability": {"utilization_target_percent": 50}}
}

test_low_target_fails if {
	findings := sus_utilization_target.deny with input as {"sustainability": {"utilization_target_percent": 20}}
	count(findings) == 1
	some f in findings
	f.path == "sustainability.utilization_target_percent"
}

test_unstated_fails if {
	some f in sus_utilization_target.unanswered with input as {}
	f.path == "sustainability.utilization_target_percent"
}

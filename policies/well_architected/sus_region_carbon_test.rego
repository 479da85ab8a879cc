package archvet.rules.well_architected.sus_region_carbon_test

import rego.v1

import data.archvet.rules.well_architected.sus_region_carbon

test_considered_passes if {
	count(sus_region_carbon.deny) == 0 with input as {"sustainability": {"region_carbon_considered": true}}
}

test_not_considered_fails if {
	findings := sus_region_carbon.deny with input as {"sustainability": {"region_carbon_considered": false}}
	count(findings) == 1
	some f in findings
	f.path == "sustainability.region_carbon_considered"
}

test_unstated_fails if {
	some f in sus_region_carbon.unanswered with input as {}
	f.path == "sustainability.region_carbon_considered"
}

package archvet.rules.well_architected.cost_center_test

import rego.v1

import data.archvet.rules.well_architected.cost_center

test_cost_center_passes if {
	count(cost_center.deny) == 0 with input as {"cost": {"cost_center": "CC-1"}}
}

test_missing_cost_center_fails if {
	findings := cost_center.deny with input as {"cost": {"cost_center": " "}}
	count(findings) == 1
	some f in findings
	f.path == "cost.cost_center"
}

package archvet.rules.well_architected.cost_rightsizing_test

import rego.v1

import data.archvet.rules.well_architected.cost_rightsizing

test_rightsizing_passes if {
	count(cost_rightsizing.deny) == 0 with input as {"cost": {"rightsizing": true}}
}

test_no_rightsizing_fails if {
	findings := cost_rightsizing.deny with input as {"cost": {"rightsizing": false}}
	count(findings) == 1
	some f in findings
	f.path == "cost.rightsizing"
}

test_unstated_fails if {
	some f in cost_rightsizing.unanswered with input as {}
	f.path == "cost.rightsizing"
}

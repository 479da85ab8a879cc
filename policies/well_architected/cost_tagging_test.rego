package archvet.rules.well_architected.cost_tagging_test

import rego.v1

import data.archvet.rules.well_architected.cost_tagging

test_tagging_passes if {
	count(cost_tagging.deny) == 0 with input as {"cost": {"tagging": true}}
}

test_no_tagging_fails if {
	findings := cost_tagging.deny with input as {"cost": {"tagging": false}}
	count(findings) == 1
	some f in findings
	f.path == "cost.tagging"
}

test_unstated_fails if {
	some f in cost_tagging.deny with input as {}
	f.path == "cost.tagging"
}

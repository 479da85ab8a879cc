package archvet.rules.well_architected.cost_budget_alerts_test

import rego.v1

import data.archvet.rules.well_architected.cost_budget_alerts

test_alerts_pass if {
	count(cost_budget_alerts.deny) == 0 with input as {"cost": {"budget_alerts": true}}
}

test_no_alerts_fail if {
	findings := cost_budget_alerts.deny with input as {"cost": {"budget_alerts": false}}
	count(findings) == 1
	some f in findings
	f.path == "cost.budget_alerts"
}

test_unstated_fails if {
	some f in cost_budget_alerts.deny with input as {"cost": {}}
	f.path == "cost.budget_alerts"
}

package archvet.rules.well_architected.cost_budget_test

import rego.v1

import data.archvet.rules.well_architected.cost_budget

test_budget_passes if {
	count(cost_budget.deny) == 0 with input as {"cost": {"monthly_budget_usd": 100}}
}

test_missing_budget_fails if {
	findings := cost_budget.deny with input as {"cost": {"tagging": true}}
	count(findings) == 1
	some f in findings
	f.path == "cost.monthly_budget_usd"
}

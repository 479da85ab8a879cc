package archvet.rules.well_architected.cost_budget_test

import rego.v1

import data.archvet.rules.well_architected.cost_budget as rule

test_budget_with_alerts_passes if {
	inp := {"cost": {"monthly_budget_usd": 4500, "budget_alerts": true}}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_silence_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"cost.monthly_budget_usd", "cost.budget_alerts"} with input as {}
	count(rule.deny) == 0 with input as {}
}

test_zero_budget_fails if {
	{f.path | some f in rule.deny} == {"cost.monthly_budget_usd"} with input as {"cost": {"monthly_budget_usd": 0, "budget_alerts": true}}
}

test_no_alert_fails if {
	{f.path | some f in rule.deny} == {"cost.budget_alerts"} with input as {"cost": {"monthly_budget_usd": 10, "budget_alerts": false}}
}

test_alerts_without_budget_fail if {
	{f.path | some f in rule.deny} == {"cost.budget_alerts"} with input as {"cost": {"budget_alerts": true}}
}

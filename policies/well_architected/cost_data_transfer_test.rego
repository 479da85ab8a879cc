package archvet.rules.well_architected.cost_data_transfer_test

import rego.v1

import data.archvet.rules.well_architected.cost_data_transfer as rule

design(transfer) := {
	"deployment": {"regions": ["eu-west-1"], "availability_zones": 3},
	"cost": {"monthly_budget_usd": 1000, "data_transfer_monthly_usd": transfer},
}

test_priced_transfer_within_share_passes if {
	rule.applicable with input as design(300)
	count(rule.deny) == 0 with input as design(300)
	count(rule.unanswered) == 0 with input as design(300)
}

test_transfer_share_boundary if {
	count(rule.deny) == 0 with input as design(300)
	{f.path | some f in rule.deny} == {"cost.data_transfer_monthly_usd"} with input as design(301)
}

test_share_override if {
	count(rule.deny) == 1 with input as design(200)
		with data.archvet.params as {"WA403": {"max_data_transfer_share_percent": [10, 10, 10, 10]}}
}

test_free_cross_region_transfer_fails if {
	inp := {"data_stores": [{"name": "db", "replication": {"cross_region": true}}], "cost": {"data_transfer_monthly_usd": 0}}
	some f in rule.deny with input as inp
	contains(f.msg, "0 usd")
}

test_unpriced_transfer_is_unanswered if {
	inp := {"deployment": {"regions": ["a", "b"]}}
	{f.path | some f in rule.unanswered} == {"cost.data_transfer_monthly_usd"} with input as inp
	some f in rule.unanswered with input as inp
	contains(f.msg, "regions")
}

test_single_zone_not_applicable if {
	not rule.applicable with input as {"deployment": {"regions": ["a"], "availability_zones": 1}}
}

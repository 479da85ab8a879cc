package archvet.rules.well_architected.cost_unit_metric_test

import rego.v1

import data.archvet.rules.well_architected.cost_unit_metric

test_unit_metric_passes if {
	count(cost_unit_metric.unanswered) == 0 with input as {"cost": {"unit_metric": "cost per order"}}
}

test_missing_metric_fails if {
	findings := cost_unit_metric.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 2}}
	count(findings) == 1
	some f in findings
	f.path == "cost.unit_metric"
}

test_tier_3_not_applicable if {
	not cost_unit_metric.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_none_fails if {
	inp := {"service": {"tier": 1}, "cost": {"unit_metric": "None"}}
	cost_unit_metric.applicable with input as inp
	{f.path | some f in cost_unit_metric.deny} == {"cost.unit_metric"} with input as inp
}

package archvet.rules.well_architected.cost_pricing_model_test

import rego.v1

import data.archvet.rules.well_architected.cost_pricing_model

test_savings_plan_passes if {
	count(cost_pricing_model.deny) == 0 with input as {"cost": {"pricing": "savings-plan"}}
}

test_on_demand_fails if {
	case_input := {
		"processes": {"scaling": {"min_replicas": 2}},
		"cost": {"pricing": "on-demand"},
	}
	cost_pricing_model.applicable with input as case_input
	findings := cost_pricing_model.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "cost.pricing"
}

test_unstated_fails if {
	some f in cost_pricing_model.unanswered with input as {}
	f.path == "cost.pricing"
}

test_serverless_not_applicable if {
	not cost_pricing_model.applicable with input as {"deployment": {"platform": "serverless"}}
}

test_scale_to_zero_not_applicable if {
	not cost_pricing_model.applicable with input as {"processes": {"scaling": {"min_replicas": 0}}}
}

test_tier_3_not_applicable if {
	not cost_pricing_model.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

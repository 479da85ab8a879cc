package archvet.rules.well_architected.ops_telemetry_layers_test

import rego.v1

import data.archvet.rules.well_architected.ops_telemetry_layers as rule

test_all_layers_pass if {
	count(rule.deny) == 0 with input as {"observability": {"metrics": {"layers": ["business", "application", "system"]}}}
}

test_missing_business_layer_fails if {
	case_input := {"observability": {"metrics": {"layers": ["system", "application"]}}}
	rule.applicable with input as case_input
	findings := rule.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "observability.metrics.layers"
	contains(f.msg, "business")
}

test_unstated_fails if {
	findings := rule.unanswered with input as {"observability": {"metrics": {}}}
	count(findings) == 1
	some f in findings
	contains(f.msg, "does not say")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_tier_2_applicable if {
	rule.applicable with input as {"service": {"tier": 2}}
}

test_override_of_the_required_layers if {
	two := ["system", "application"]
	inp := {"observability": {"metrics": {"layers": two}}}
	count(rule.deny) == 1 with input as inp
	count(rule.deny) == 0 with input as inp
		with data.archvet.params as {"WA101": {"required_layers": [two, two, two, two]}}
}

package archvet.rules.acme.tier0_on_call_test

import rego.v1

import data.archvet.rules.acme.tier0_on_call as rule

covered := {"operations": {"on_call": {"rotation": "checkout-primary", "hours": "24x7", "escalation": true}}}

test_escalating_24x7_rotation_passes if {
	count(rule.deny) == 0 with input as covered
}

test_business_hours_without_escalation_fails if {
	findings := rule.deny with input as {"operations": {"on_call": {"rotation": "checkout-primary", "hours": "business-hours"}}}
	{f.path | some f in findings} == {"operations.on_call.hours", "operations.on_call.escalation"}
}

test_no_on_call_section_fails if {
	findings := rule.deny with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
	count(findings) == 3
}

test_tier1_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 1}}
}

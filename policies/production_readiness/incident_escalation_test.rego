package archvet.rules.production_readiness.incident_escalation_test

import rego.v1

import data.archvet.rules.production_readiness.incident_escalation as rule

test_escalation_passes if {
	count(rule.deny) == 0 with input as {"operations": {"on_call": {"escalation": true}}}
}

test_no_escalation_fails if {
	findings := rule.deny with input as {"operations": {"on_call": {"escalation": false}}}
	count(findings) == 1
	some f in findings
	f.path == "operations.on_call.escalation"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"operations": {}}
	f.path == "operations.on_call.escalation"
	contains(f.msg, "does not say")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

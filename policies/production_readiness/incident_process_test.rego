package archvet.rules.production_readiness.incident_process_test

import rego.v1

import data.archvet.rules.production_readiness.incident_process as rule

test_process_passes if {
	count(rule.deny) == 0 with input as {"operations": {"incident_process": true}}
}

test_no_process_fails if {
	findings := rule.deny with input as {"operations": {"incident_process": false}}
	count(findings) == 1
	some f in findings
	f.path == "operations.incident_process"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
	f.path == "operations.incident_process"
	contains(f.msg, "does not say")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

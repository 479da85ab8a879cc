package archvet.rules.production_readiness.incident_repeat_tracking_test

import rego.v1

import data.archvet.rules.production_readiness.incident_repeat_tracking as rule

test_tracked_passes if {
	count(rule.deny) == 0 with input as {"operations": {"postmortems": {"repeat_incidents_tracked": true}}}
}

test_untracked_fails if {
	findings := rule.deny with input as {"operations": {"postmortems": {"repeat_incidents_tracked": false}}}
	count(findings) == 1
	some f in findings
	f.path == "operations.postmortems.repeat_incidents_tracked"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"operations": {"postmortems": {"blameless": true}}}
	f.path == "operations.postmortems.repeat_incidents_tracked"
	contains(f.msg, "does not say")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

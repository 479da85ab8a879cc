package archvet.rules.production_readiness.incident_postmortems_test

import rego.v1

import data.archvet.rules.production_readiness.incident_postmortems as rule

test_blameless_tracked_passes if {
	count(rule.deny) == 0 with input as {"operations": {"postmortems": {"blameless": true, "action_items_tracked": true}}}
}

test_untracked_actions_fail if {
	findings := rule.deny with input as {"operations": {"postmortems": {"blameless": true, "action_items_tracked": false}}}
	count(findings) == 1
	some f in findings
	f.path == "operations.postmortems.action_items_tracked"
}

test_blame_fails if {
	findings := rule.deny with input as {"operations": {"postmortems": {"blameless": false, "action_items_tracked": true}}}
	count(findings) == 1
	some f in findings
	f.path == "operations.postmortems.blameless"
}

test_unstated_fails_twice if {
	findings := rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 1}}
	count(findings) == 2
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

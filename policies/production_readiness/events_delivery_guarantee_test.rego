package archvet.rules.production_readiness.events_delivery_guarantee_test

import rego.v1

import data.archvet.rules.production_readiness.events_delivery_guarantee as rule

test_outbox_at_least_once_passes if {
	inp := {"events": {"publishes": [
		{"name": "a", "outbox": true, "delivery": "at-least-once"},
		{"name": "b", "outbox": false, "delivery": "at-most-once"},
	]}}
	rule.applicable with input as inp
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_outbox_with_other_guarantee_fails if {
	findings := rule.deny with input as {"events": {"publishes": [
		{"name": "a", "outbox": true, "delivery": "at-least-once"},
		{"name": "b", "outbox": true, "delivery": "at-most-once"},
		{"name": "c", "outbox": true, "delivery": "exactly-once"},
	]}}
	{f.path | some f in findings} == {"events.publishes[1].delivery", "events.publishes[2].delivery"}
}

test_unstated_delivery_unanswered if {
	findings := rule.unanswered with input as {"events": {"publishes": [{"name": "a", "outbox": true}]}}
	{f.path | some f in findings} == {"events.publishes[0].delivery"}
}

test_no_publishes_not_applicable if {
	not rule.applicable with input as {"events": {"consumes": [{"name": "x"}]}}
}

package archvet.rules.production_readiness.events_rebuildable_read_models_test

import rego.v1

import data.archvet.rules.production_readiness.events_rebuildable_read_models

test_rebuildable_passes if {
	count(events_rebuildable_read_models.deny) == 0 with input as {"events": {"cqrs": true, "read_models_rebuildable": true}}
}

test_not_rebuildable_fails if {
	findings := events_rebuildable_read_models.deny with input as {"events": {"event_sourcing": true, "read_models_rebuildable": false}}
	events_rebuildable_read_models.applicable with input as {"events": {"event_sourcing": true}}
	count(findings) == 1
	some f in findings
	f.path == "events.read_models_rebuildable"
}

test_plain_events_not_applicable if {
	not events_rebuildable_read_models.applicable with input as {"events": {
		"event_sourcing": false,
		"publishes": [{"name": "order-placed"}],
	}}
}

# Bug 16: unstated is a question.
test_unstated_unanswered if {
	count(events_rebuildable_read_models.deny) == 0 with input as {"events": {"cqrs": true}}
	{f.path | some f in events_rebuildable_read_models.unanswered} == {"events.read_models_rebuildable"} with input as {"events": {"cqrs": true}}
}

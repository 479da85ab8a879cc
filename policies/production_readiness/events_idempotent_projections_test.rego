package archvet.rules.production_readiness.events_idempotent_projections_test

import rego.v1

import data.archvet.rules.production_readiness.events_idempotent_projections

test_idempotent_passes if {
	count(events_idempotent_projections.deny) == 0 with input as {"events": {"event_sourcing": true, "idempotent_projections": true}}
}

test_non_idempotent_fails if {
	findings := events_idempotent_projections.deny with input as {"events": {"cqrs": true, "idempotent_projections": false}}
	count(findings) == 1
	some f in findings
	f.path == "events.idempotent_projections"
}

test_no_events_not_applicable if {
	not events_idempotent_projections.applicable with input as {"service": {"name": "x"}}
}

# Bug 16: unstated is a question.
test_unstated_unanswered if {
	inp := {"events": {"event_sourcing": true}}
	events_idempotent_projections.applicable with input as inp
	count(events_idempotent_projections.deny) == 0 with input as inp
	{f.path | some f in events_idempotent_projections.unanswered} == {"events.idempotent_projections"} with input as inp
}

package archvet.rules.ideals.event_schemas_test

import rego.v1

import data.archvet.rules.ideals.event_schemas

test_schemas_pass if {
	inp := {"events": {
		"publishes": [{"name": "order-placed", "schema": "schemas/order-placed.avsc"}],
		"consumes": [
			{"name": "payment-settled", "schema": "registry:payment-settled", "from": "payments"},
			{"name": "order-placed", "schema": "schemas/order-placed.avsc", "from": "orders"},
		],
	}}
	event_schemas.applicable with input as inp
	count(event_schemas.deny) == 0 with input as inp
	count(event_schemas.unanswered) == 0 with input as inp
}

test_missing_schemas_and_producer_are_unanswered if {
	findings := event_schemas.unanswered with input as {"events": {
		"publishes": [
			{"name": "order-placed", "schema": "schemas/order-placed.avsc"},
			{"name": "order-cancelled", "schema": ""},
		],
		"consumes": [{"name": "payment-settled"}],
	}}
	{f.path | some f in findings} == {"events.publishes[1].schema", "events.consumes[0].schema", "events.consumes[0].from"}
}

test_two_schemas_for_one_event_fail if {
	findings := event_schemas.deny with input as {"events": {
		"publishes": [{"name": "order-placed", "schema": "v2.avsc"}],
		"consumes": [{"name": "order-placed", "schema": "v1.avsc", "from": "orders"}],
	}}
	{f.path | some f in findings} == {"events.consumes[0].schema"}
}

test_no_events_not_applicable if {
	not event_schemas.applicable with input as {"events": {"broker": "kafka"}}
}

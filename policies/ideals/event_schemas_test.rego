package archvet.rules.ideals.event_schemas_test

import rego.v1

import data.archvet.rules.ideals.event_schemas

test_schemas_pass if {
	count(event_schemas.deny) == 0 with input as {"events": {
		"publishes": [{"name": "order-placed", "schema": "schemas/order-placed.avsc"}],
		"consumes": [{"name": "payment-settled", "schema": "registry:payment-settled"}],
	}}
}

test_missing_schemas_fail if {
	findings := event_schemas.deny with input as {"events": {
		"publishes": [
			{"name": "order-placed", "schema": "schemas/order-placed.avsc"},
			{"name": "order-cancelled", "schema": ""},
		],
		"consumes": [{"name": "payment-settled"}],
	}}
	paths := {f.path | some f in findings}
	paths == {"events.publishes[1].schema", "events.consumes[0].schema"}
}

test_no_events_not_applicable if {
	not event_schemas.applicable with input as {"events": {"broker": "kafka"}}
}

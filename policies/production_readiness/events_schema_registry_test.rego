package archvet.rules.production_readiness.events_schema_registry_test

import rego.v1

import data.archvet.rules.production_readiness.events_schema_registry

test_registry_passes if {
	count(events_schema_registry.deny) == 0 with input as {"events": {"publishes": [{"name": "order-placed", "schema_registry": true}]}}
}

test_unregistered_fails if {
	findings := events_schema_registry.deny with input as {"events": {"publishes": [
		{"name": "order-placed", "schema_registry": true},
		{"name": "order-cancelled", "schema": "schemas/cancelled.json", "schema_registry": false},
	]}}
	events_schema_registry.applicable with input as {"events": {"publishes": [{"name": "x"}]}}
	count(findings) == 1
	some f in findings
	f.path == "events.publishes[1].schema_registry"
}

test_no_publishers_not_applicable if {
	not events_schema_registry.applicable with input as {"events": {"consumes": [{"name": "payment-settled"}]}}
}

# Bug 16: unstated is a question.
test_unstated_unanswered if {
	inp := {"events": {"publishes": [{"name": "x"}]}}
	count(events_schema_registry.deny) == 0 with input as inp
	{f.path | some f in events_schema_registry.unanswered} == {"events.publishes[0].schema_registry"} with input as inp
}

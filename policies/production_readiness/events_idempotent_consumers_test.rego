package archvet.rules.production_readiness.events_idempotent_consumers_test

import rego.v1

import data.archvet.rules.production_readiness.events_idempotent_consumers

test_idempotent_passes if {
	count(events_idempotent_consumers.deny) == 0 with input as {"events": {"consumes": [
		{"name": "payment-settled", "dedup_key": "payment_id"},
		{"name": "stock-changed", "idempotent": true},
	]}}
}

test_duplicate_prone_fails if {
	findings := events_idempotent_consumers.deny with input as {"events": {"consumes": [
		{"name": "payment-settled", "dedup_key": "payment_id"},
		{"name": "stock-changed", "idempotent": false},
	]}}
	count(findings) == 1
	some f in findings
	f.path == "events.consumes[1].idempotent"
}

test_no_consumers_not_applicable if {
	not events_idempotent_consumers.applicable with input as {"service": {"name": "x"}}
}

# Bug 16: unstated is a question, not "may apply a message twice".
test_unstated_unanswered if {
	inp := {"events": {"consumes": [{"name": "a"}, {"name": "b", "dedup_key": "id"}]}}
	events_idempotent_consumers.applicable with input as inp
	count(events_idempotent_consumers.deny) == 0 with input as inp
	{f.path | some f in events_idempotent_consumers.unanswered} == {"events.consumes[0].idempotent"} with input as inp
}

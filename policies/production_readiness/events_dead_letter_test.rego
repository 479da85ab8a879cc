package archvet.rules.production_readiness.events_dead_letter_test

import rego.v1

import data.archvet.rules.production_readiness.events_dead_letter

test_dead_letter_passes if {
	count(events_dead_letter.deny) == 0 with input as {"events": {"consumes": [{"name": "payment-settled", "dead_letter": "dlq"}]}}
}

test_missing_dead_letter_fails if {
	findings := events_dead_letter.deny with input as {"events": {"consumes": [
		{"name": "payment-settled", "dead_letter": "dlq"},
		{"name": "stock-changed", "dead_letter": ""},
		{"name": "user-deleted"},
	]}}
	{f.path | some f in findings} == {"events.consumes[1].dead_letter"}
	events_dead_letter.applicable with input as {"events": {"consumes": [{"name": "user-deleted"}]}}
	{f.path | some f in events_dead_letter.unanswered} == {"events.consumes[0].dead_letter"} with input as {"events": {"consumes": [{"name": "user-deleted"}]}}
}

test_no_consumers_not_applicable if {
	not events_dead_letter.applicable with input as {"events": {"publishes": [{"name": "order-placed"}]}}
}

package archvet.rules.production_readiness.events_dead_letter_alerts_test

import rego.v1

import data.archvet.rules.production_readiness.events_dead_letter_alerts

test_alerted_passes if {
	count(events_dead_letter_alerts.deny) == 0 with input as {"events": {"consumes": [
		{"name": "payment-settled", "dead_letter": "dlq", "dead_letter_alert": true},
		{"name": "stock-changed"},
	]}}
}

test_unwatched_dead_letter_fails if {
	findings := events_dead_letter_alerts.deny with input as {"events": {"consumes": [
		{"name": "payment-settled", "dead_letter": "dlq", "dead_letter_alert": true},
		{"name": "stock-changed", "dead_letter": "stock-dlq", "dead_letter_alert": false},
	]}}
	events_dead_letter_alerts.applicable with input as {"events": {"consumes": [{"name": "s", "dead_letter": "q"}]}}
	count(findings) == 1
	some f in findings
	f.path == "events.consumes[1].dead_letter_alert"
}

test_no_dead_letter_not_applicable if {
	not events_dead_letter_alerts.applicable with input as {"events": {"consumes": [{"name": "stock-changed"}]}}
}

# Bug 16: unstated is a question.
test_unstated_unanswered if {
	inp := {"events": {"consumes": [{"name": "s", "dead_letter": "q"}]}}
	count(events_dead_letter_alerts.deny) == 0 with input as inp
	{f.path | some f in events_dead_letter_alerts.unanswered} == {"events.consumes[0].dead_letter_alert"} with input as inp
}

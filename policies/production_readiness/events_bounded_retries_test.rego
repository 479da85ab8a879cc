package archvet.rules.production_readiness.events_bounded_retries_test

import rego.v1

import data.archvet.rules.production_readiness.events_bounded_retries

test_bounded_passes if {
	count(events_bounded_retries.deny) == 0 with input as {"events": {"consumes": [
		{"name": "payment-settled", "max_retries": 10},
		{"name": "stock-changed", "max_retries": 0},
	]}}
}

test_too_many_retries_fail if {
	findings := events_bounded_retries.deny with input as {"events": {"consumes": [
		{"name": "payment-settled", "max_retries": 3},
		{"name": "stock-changed", "max_retries": 100},
	]}}
	count(findings) == 1
	some f in findings
	f.path == "events.consumes[1].max_retries"
}

test_unstated_fails if {
	events_bounded_retries.applicable with input as {"events": {"consumes": [{"name": "payment-settled"}]}}
	some f in events_bounded_retries.unanswered with input as {"events": {"consumes": [{"name": "payment-settled"}]}}
	f.path == "events.consumes[0].max_retries"
	contains(f.msg, "does not say")
}

test_no_consumers_not_applicable if {
	not events_bounded_retries.applicable with input as {"events": {"publishes": [{"name": "order-placed"}]}}
}

test_override if {
	count(events_bounded_retries.deny) == 1 with input as {"events": {"consumes": [{"name": "a", "max_retries": 4}]}}
		with data.archvet.params as {"PR117": {"max_retries": [3, 3, 3, 3]}}
}

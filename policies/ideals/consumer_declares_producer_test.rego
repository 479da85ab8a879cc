package archvet.rules.ideals.consumer_declares_producer_test

import rego.v1

import data.archvet.rules.ideals.consumer_declares_producer

test_named_producer_passes if {
	count(consumer_declares_producer.deny) == 0 with input as {"events": {"consumes": [{"name": "payment-settled", "from": "payments"}]}}
}

test_unnamed_producer_fails if {
	findings := consumer_declares_producer.deny with input as {"events": {"consumes": [
		{"name": "payment-settled", "from": "payments"},
		{"name": "stock-changed"},
	]}}
	count(findings) == 1
	some f in findings
	f.path == "events.consumes[1].from"
}

test_no_consumers_not_applicable if {
	not consumer_declares_producer.applicable with input as {"events": {"publishes": [{"name": "order-placed"}]}}
}

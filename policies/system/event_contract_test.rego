package archvet.system.event_contract_test

import rego.v1

import data.archvet.system.event_contract

entry_at := {"file": "orders/design.yaml", "line": 200, "column": 7}

case(consumed, entry) := {
	"events": {"consumes": [{"name": "refund-issued", "from": "payments"}, object.union({"name": "order-placed", "from": "orders"}, consumed)]},
	"_system": {"consumes": [
		{"producer_reviewed": false, "published": false, "producer": null, "entry": null},
		{
			"producer_reviewed": true, "published": entry != null,
			"producer": {"service": "orders", "file": "orders/design.yaml", "at": {"file": "orders/design.yaml", "line": 6, "column": 9}},
			"entry": entry,
		},
	]},
}

published(extra) := object.union({"index": 0, "at": entry_at, "topic": "orders.order-placed"}, extra)

test_different_schema_fails if {
	inp := case({"schema": "schemas/order-placed.v1.avsc", "idempotent": true}, published({"schema": "../schemas/order-placed.v2.avsc"}))
	event_contract.applicable with input as inp
	findings := event_contract.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "events.consumes[1].schema"
	f.msg == "the service expects event \"order-placed\" in schema schemas/order-placed.v1.avsc, but orders publishes it in ../schemas/order-placed.v2.avsc"
	f.related == [{"msg": "orders publishes \"order-placed\" with schema ../schemas/order-placed.v2.avsc here", "at": entry_at}]
}

test_same_schema_file_from_another_folder_passes if {
	inp := case({"schema": "schemas/order-placed.avsc"}, published({"schema": "contracts/order-placed.avsc"}))
	count(event_contract.deny) == 0 with input as inp
}

test_unstated_schema_passes if {
	count(event_contract.deny) == 0 with input as case({}, published({"schema": "s.avsc"}))
	count(event_contract.deny) == 0 with input as case({"schema": "s.avsc"}, published({}))
}

test_non_idempotent_consumer_of_at_least_once_fails if {
	inp := case({"idempotent": false}, published({"delivery": "at-least-once"}))
	findings := event_contract.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "events.consumes[1].idempotent"
	contains(f.msg, "orders delivers event \"order-placed\" at least once")
	f.related == [{"msg": "orders publishes \"order-placed\" at least once here", "at": entry_at}]
}

test_deduplicating_or_idempotent_consumer_passes if {
	count(event_contract.deny) == 0 with input as case({"idempotent": false, "dedup_key": "order_id"}, published({"delivery": "at-least-once"}))
	count(event_contract.deny) == 1 with input as case({"idempotent": false, "dedup_key": " "}, published({"delivery": "at-least-once"}))
	count(event_contract.deny) == 0 with input as case({"idempotent": true}, published({"delivery": "at-least-once"}))
	count(event_contract.deny) == 0 with input as case({}, published({"delivery": "at-least-once"}))
	count(event_contract.deny) == 0 with input as case({"idempotent": false}, published({"delivery": "at-most-once"}))
}

test_unpublished_event_is_not_judged_here if {
	count(event_contract.deny) == 0 with input as case({"idempotent": false, "schema": "a.avsc"}, null)
}

test_alone_not_applicable if {
	not event_contract.applicable with input as object.remove(case({}, null), ["_system"])
	not event_contract.applicable with input as {"_system": {"consumes": []}}
}

test_one_consumed_event_applicable if {
	event_contract.applicable with input as {"events": {"consumes": [{"name": "a"}]}, "_system": {"consumes": []}}
}

test_consumer_written_for_another_guarantee_fails if {
	inp := case({"delivery": "exactly-once", "idempotent": true}, published({"delivery": "at-least-once"}))
	findings := event_contract.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "events.consumes[1].delivery"
	f.msg == "the service is written for event \"order-placed\" delivered exactly-once, but orders delivers it at-least-once"
	f.related == [{"msg": "orders publishes \"order-placed\" at-least-once here", "at": entry_at}]
}

test_matching_or_exactly_once_delivery_passes if {
	count(event_contract.deny) == 0 with input as case({"delivery": "at-least-once", "idempotent": true}, published({"delivery": "at-least-once"}))
	count(event_contract.deny) == 0 with input as case({"delivery": "at-most-once"}, published({"delivery": "exactly-once"}))
	count(event_contract.deny) == 1 with input as case({"delivery": "at-least-once"}, published({"delivery": "at-most-once"}))
	count(event_contract.deny) == 0 with input as case({}, published({"delivery": "at-most-once"}))
	count(event_contract.deny) == 0 with input as case({"delivery": "at-least-once"}, published({}))
}

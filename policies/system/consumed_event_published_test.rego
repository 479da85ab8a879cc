package archvet.system.consumed_event_published_test

import rego.v1

import data.archvet.system.consumed_event_published

producer_at := {"file": "payments/design.yaml", "line": 6, "column": 9}

case(topic, reviewed, published) := {
	"events": {"consumes": [
		{"name": "order-placed", "from": "orders"},
		{"name": "refund-issued", "topic": topic, "from": "payments"},
	]},
	"_system": {"consumes": [
		{"producer_reviewed": false, "published": false, "producer": null, "entry": null},
		{
			"producer_reviewed": reviewed, "published": published,
			"producer": {"service": "payments", "file": "payments/design.yaml", "at": producer_at},
			"entry": null,
		},
	]},
}

test_unpublished_event_fails if {
	inp := case("payments.refund-issued.v1", true, false)
	consumed_event_published.applicable with input as inp
	findings := consumed_event_published.deny with input as inp
	count(findings) == 1
	some f in findings
	f.path == "events.consumes[1].name"
	f.msg == "the service consumes event \"refund-issued\" on payments.refund-issued.v1 from payments, but the review of payments publishes no such event"
	f.related == [{"msg": "payments is reviewed here and does not publish \"refund-issued\"", "at": producer_at}]
}

test_unpublished_event_without_topic if {
	some f in consumed_event_published.deny with input as case("", true, false)
	f.msg == "the service consumes event \"refund-issued\" from payments, but the review of payments publishes no such event"
}

test_published_or_unreviewed_producer_passes if {
	count(consumed_event_published.deny) == 0 with input as case("t", true, true)
	count(consumed_event_published.deny) == 0 with input as case("t", false, false)
}

test_alone_not_applicable if {
	not consumed_event_published.applicable with input as object.remove(case("t", true, false), ["_system"])
	not consumed_event_published.applicable with input as {"_system": {"consumes": []}}
}

test_one_consumed_event_applicable if {
	consumed_event_published.applicable with input as {"events": {"consumes": [{"name": "a"}]}, "_system": {"consumes": []}}
}

package archvet.rules.production_readiness.events_outbox_test

import rego.v1

import data.archvet.rules.production_readiness.events_outbox

test_outbox_passes if {
	count(events_outbox.deny) == 0 with input as {
		"data_stores": [{"name": "orders-db", "kind": "relational"}],
		"events": {"publishes": [{"name": "order-placed", "outbox": true}]},
	}
}

test_dual_write_fails if {
	findings := events_outbox.deny with input as {
		"data_stores": [{"name": "orders-db", "kind": "relational"}, {"name": "cache", "kind": "cache"}],
		"events": {"publishes": [
			{"name": "order-placed", "outbox": true},
			{"name": "order-cancelled", "outbox": false},
		]},
	}
	count(findings) == 1
	some f in findings
	f.path == "events.publishes[1].outbox"
	contains(f.msg, "orders-db")
}

test_only_caches_and_streams_not_applicable if {
	not events_outbox.applicable with input as {
		"data_stores": [
			{"name": "cache", "kind": "cache"},
			{"name": "events", "kind": "stream"},
			{"name": "view", "role": "read-model"},
		],
		"events": {"publishes": [{"name": "order-placed"}]},
	}
}

test_no_events_not_applicable if {
	not events_outbox.applicable with input as {"data_stores": [{"name": "orders-db"}]}
}

# Bug 16: unstated is a question.
test_unstated_unanswered if {
	inp := {"data_stores": [{"name": "orders-db"}], "events": {"publishes": [{"name": "order-placed"}]}}
	events_outbox.applicable with input as inp
	count(events_outbox.deny) == 0 with input as inp
	{f.path | some f in events_outbox.unanswered} == {"events.publishes[0].outbox"} with input as inp
}

# METADATA
# title: Each published event states a delivery guarantee its publishing path keeps
# description: |-
#   Consumers are built for the delivery guarantee the producer states:
#   deduplication for at-least-once, tolerance of loss for at-most-once.
#   The guarantee must match how the event is really published. A
#   transactional outbox relay publishes again whatever it is not sure it
#   published, so after a crash consumers see duplicates: an outbox gives
#   at-least-once, and an event published that way but announced as
#   at-most-once or exactly-once misleads every consumer about the
#   duplicates it must handle. An event that states no guarantee leaves its
#   consumers to guess.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_prevent_interaction_failure_idempotent.html
#     description: REL04-BP04 Make mutating operations idempotent
#   - ref: https://microservices.io/patterns/data/transactional-outbox.html
#     description: The transactional outbox pattern
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
# custom:
#   id: PR233
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL04-BP04]
#   frameworks:
#     production-readiness: messaging
#     well-architected: reliability
#     ideals: event-driven
#   remediation: |-
#     State `events.publishes[].delivery` for every event, and make it
#     `at-least-once` for events published through an outbox, so that
#     consumers deduplicate (by the event id or `ordering_key`).
#   applicability: The service publishes events.
#   example: |-
#     events:
#       publishes:
#         - name: order-placed
#           outbox: true
#           delivery: at-least-once
#           ordering_key: order_id
package archvet.rules.production_readiness.events_delivery_guarantee

import rego.v1

import data.archvet.lib

applicable if count(lib.publishes) > 0

deny contains lib.finding(msg, path) if {
	some i, event in lib.publishes
	event.outbox == true
	event.delivery in {"at-most-once", "exactly-once"}
	msg := sprintf(
		"event %q is announced as %s, but its outbox relay publishes again after a crash, so consumers get it at least once",
		[event.name, event.delivery],
	)
	path := sprintf("events.publishes[%d].delivery", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, event in lib.publishes
	not object.get(event, "delivery", null) in {"at-most-once", "at-least-once", "exactly-once"}
	msg := sprintf("the design does not say what delivery guarantee event %q has", [event.name])
	path := sprintf("events.publishes[%d].delivery", [i])
}

# METADATA
# title: Events are published through a transactional outbox
# description: |-
#   A service that writes to its database and then publishes an event makes
#   two separate writes to two systems. If it crashes, times out or loses the
#   broker in between, the database says one thing and the rest of the
#   system never hears of it; publishing first gets the opposite failure, an
#   event about a change that was rolled back. Writing the event to an
#   outbox table in the same transaction as the data, and relaying it to the
#   broker afterwards, makes the change and its announcement atomic.
# related_resources:
#   - ref: https://microservices.io/patterns/data/transactional-outbox.html
#     description: The transactional outbox pattern
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
# custom:
#   id: PR112
#   severity: high
#   level: proactive
#   check: reasoning
#   frameworks:
#     production-readiness: messaging
#     ideals: event-driven
#   remediation: |-
#     Write each event to an outbox table in the same transaction as the state
#     change and relay it to the broker with a poller or change data capture
#     (publishing at least once, so consumers must be idempotent). Set
#     `events.publishes[].outbox: true`.
#   applicability: The service publishes events and keeps a source-of-truth database (queues and streams do not count).
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         role: source-of-truth
#     events:
#       publishes:
#         - name: order-placed
#           outbox: true
package archvet.rules.production_readiness.events_outbox

import rego.v1

import data.archvet.lib

# Source-of-truth stores a publish could race with. A queue or stream is the
# channel itself, not a second system to keep in step.
databases contains store.name if {
	some [_, store] in lib.durable_stores
	not object.get(store, "kind", "") in {"queue", "stream"}
}

applicable if {
	count(lib.publishes) > 0
	count(databases) > 0
}

deny contains lib.finding(msg, path) if {
	applicable
	some i, event in lib.publishes
	event.outbox == false
	msg := sprintf(
		"event %q is not published through an outbox, so it can disagree with %s after a crash",
		[event.name, concat(", ", sort(databases))],
	)
	path := sprintf("events.publishes[%d].outbox", [i])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some i, event in lib.publishes
	not is_boolean(object.get(event, "outbox", null))
	msg := sprintf("the design does not say whether event %q is published through an outbox, atomically with %s", [event.name, concat(", ", sort(databases))])
	path := sprintf("events.publishes[%d].outbox", [i])
}

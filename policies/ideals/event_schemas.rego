# METADATA
# title: Every event names its schema, and every consumed event its producer
# description: |-
#   An event is a contract between teams that may never talk to each other.
#   Without a written schema, the shape of the payload is whatever the
#   producer's code happens to emit today, consumers guess at it, and a
#   renamed field breaks them silently, often long after the change shipped.
#   A schema, on both the publishing and the consuming side, makes the
#   contract reviewable and lets tooling catch incompatible changes. A
#   consumer that cannot name the service producing an event cannot know
#   whom to ask when the contract changes, nor whose outage starves it.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
#   - ref: https://www.asyncapi.com/docs/concepts
#     description: AsyncAPI, describing message-driven interfaces
# custom:
#   id: ID007
#   severity: medium
#   level: proactive
#   check: reasoning
#   frameworks:
#     ideals: event-driven
#     production-readiness: messaging
#   remediation: |-
#     Write a schema (Avro, Protobuf, JSON Schema or an AsyncAPI document) for
#     each event, keep it under version control or in a schema registry, and
#     point `events.publishes[].schema` and `events.consumes[].schema` at it
#     (the same schema when the service consumes an event it publishes).
#     Name each consumed event's producer in `events.consumes[].from`.
#   applicability: The service publishes or consumes at least one event.
#   example: |-
#     events:
#       publishes:
#         - name: order-placed
#           schema: schemas/order-placed.avsc
#       consumes:
#         - name: payment-settled
#           schema: schemas/payment-settled.avsc
#           from: payments
package archvet.rules.ideals.event_schemas

import rego.v1

import data.archvet.lib

applicable if count(lib.publishes) + count(lib.consumes) > 0

unanswered contains lib.finding(msg, path) if {
	some i, event in lib.publishes
	trim_space(object.get(event, "schema", "")) == ""
	msg := sprintf("the design does not say which schema published event %q follows", [event.name])
	path := sprintf("events.publishes[%d].schema", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	trim_space(object.get(event, "schema", "")) == ""
	msg := sprintf("the design does not say which schema consumed event %q follows", [event.name])
	path := sprintf("events.consumes[%d].schema", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	trim_space(object.get(event, "from", "")) == ""
	msg := sprintf("the design does not say which service produces consumed event %q", [event.name])
	path := sprintf("events.consumes[%d].from", [i])
}

# An event the service both publishes and consumes has one contract: two
# different schemas for it mean one side reads what the other does not write.
deny contains lib.finding(msg, path) if {
	some i, consumed in lib.consumes
	some published in lib.publishes
	published.name == consumed.name
	mine := trim_space(object.get(published, "schema", ""))
	mine != ""
	theirs := trim_space(object.get(consumed, "schema", ""))
	theirs != ""
	mine != theirs
	msg := sprintf("event %q is published with schema %q but consumed with schema %q", [consumed.name, mine, theirs])
	path := sprintf("events.consumes[%d].schema", [i])
}

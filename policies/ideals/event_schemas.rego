# METADATA
# title: Every event the service publishes or consumes has a schema
# description: |-
#   An event is a contract between teams that may never talk to each other.
#   Without a written schema, the shape of the payload is whatever the
#   producer's code happens to emit today, consumers guess at it, and a
#   renamed field breaks them silently, often long after the change shipped.
#   A schema, on both the publishing and the consuming side, makes the
#   contract reviewable and lets tooling catch incompatible changes.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
#   - ref: https://www.asyncapi.com/docs/concepts
#     description: AsyncAPI, describing message-driven interfaces
# custom:
#   id: ID007
#   severity: medium
#   level: proactive
#   frameworks:
#     ideals: event-driven
#     production-readiness: messaging
#   remediation: |-
#     Write a schema (Avro, Protobuf, JSON Schema or an AsyncAPI document) for
#     each event, keep it under version control or in a schema registry, and
#     point `events.publishes[].schema` and `events.consumes[].schema` at it.
#   applicability: The service publishes or consumes at least one event.
#   example: |-
#     events:
#       publishes:
#         - name: order-placed
#           schema: schemas/order-placed.avsc
#       consumes:
#         - name: payment-settled
#           schema: schemas/payment-settled.avsc
package archvet.rules.ideals.event_schemas

import rego.v1

import data.archvet.lib

applicable if count(lib.publishes) + count(lib.consumes) > 0

deny contains lib.finding(msg, path) if {
	some i, event in lib.publishes
	lib.get(event, "schema", "") == ""
	msg := sprintf("published event %q has no schema", [event.name])
	path := sprintf("events.publishes[%d].schema", [i])
}

deny contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	lib.get(event, "schema", "") == ""
	msg := sprintf("consumed event %q has no schema", [event.name])
	path := sprintf("events.consumes[%d].schema", [i])
}

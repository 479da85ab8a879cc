# METADATA
# title: Published event schemas are enforced by a registry with compatibility checks
# description: |-
#   A schema file in the producer's repository documents an event but does
#   not stop a deploy that changes it incompatibly. Consumers, which cannot
#   be upgraded in lock-step with the producer, then fail to deserialise
#   messages that are already on the topic and cannot be taken back. A
#   schema registry that rejects incompatible versions at publish time (or
#   in CI) turns that production incident into a failed build.
# related_resources:
#   - ref: https://docs.confluent.io/platform/current/schema-registry/fundamentals/schema-evolution.html
#     description: Schema evolution and compatibility
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
# custom:
#   id: PR116
#   severity: medium
#   level: proactive
#   check: presence
#   frameworks:
#     production-readiness: messaging
#     ideals: event-driven
#   remediation: |-
#     Register each published event's schema in a schema registry (Confluent,
#     Apicurio, AWS Glue, EventBridge) with backward or full compatibility
#     enforced, have the producer serialise through it, and set
#     `events.publishes[].schema_registry: true`.
#   applicability: The service publishes at least one event.
#   example: |-
#     events:
#       publishes:
#         - name: order-placed
#           schema: orders.order-placed-value
#           schema_registry: true
package archvet.rules.production_readiness.events_schema_registry

import rego.v1

import data.archvet.lib

applicable if count(lib.publishes) > 0

deny contains lib.finding(msg, path) if {
	some i, event in lib.publishes
	event.schema_registry == false
	msg := sprintf("the schema of published event %q is not checked for compatibility by a registry", [event.name])
	path := sprintf("events.publishes[%d].schema_registry", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, event in lib.publishes
	not is_boolean(object.get(event, "schema_registry", null))
	msg := sprintf("the design does not say whether a registry checks the schema of published event %q for compatibility", [event.name])
	path := sprintf("events.publishes[%d].schema_registry", [i])
}

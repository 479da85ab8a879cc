# METADATA
# title: Every consumed event names the service that produces it
# description: |-
#   Event-driven systems hide their coupling: the producer does not know its
#   consumers and, unless the design says so, the consumer does not record
#   its producer either. When nobody can say where an event comes from, a
#   schema change, a retired topic or a producer outage lands as a surprise,
#   and tracing a bad message back to its source takes an investigation
#   instead of a glance.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
# custom:
#   id: ID008
#   severity: low
#   level: proactive
#   frameworks:
#     ideals: event-driven
#     production-readiness: messaging
#   remediation: |-
#     Set `events.consumes[].from` to the service that publishes each event,
#     and tell that team you depend on it (for example through a
#     consumer-driven contract test).
#   applicability: The service consumes at least one event.
#   example: |-
#     events:
#       consumes:
#         - name: payment-settled
#           from: payments
package archvet.rules.ideals.consumer_declares_producer

import rego.v1

import data.archvet.lib

applicable if count(lib.consumes) > 0

deny contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	lib.get(event, "from", "") == ""
	msg := sprintf("the design does not say which service produces consumed event %q", [event.name])
	path := sprintf("events.consumes[%d].from", [i])
}

# METADATA
# title: Every consumed event is published by the producer it names
# description: |-
#   A consumer waits for an event from a named producer. When the
#   producer's own review publishes no event of that name on that topic,
#   the consumer's work never starts: the event was renamed, moved to
#   another topic, never built, or expected from the wrong service. Nothing
#   fails loudly; the consumer simply sees no messages, and the gap shows
#   up as missing orders or unsent emails long after release. Only the
#   producer's review says what it publishes, so this needs the whole
#   system.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
#   - ref: https://www.asyncapi.com/docs/concepts/asyncapi-document
#     description: AsyncAPI, describing what an application publishes and consumes
#   - ref: https://microservices.io/patterns/communication-style/messaging.html
#     description: Microservices patterns, Messaging
# custom:
#   id: SY007
#   severity: high
#   level: proactive
#   check: reasoning
#   scope: system
#   frameworks:
#     ideals: event-driven
#     production-readiness: messaging
#   remediation: |-
#     Make `events.consumes[]` name the event and topic the producer
#     publishes, and `from` the service that publishes it; or have the
#     producer add the event to `events.publishes[]` in its review, with
#     its topic and schema.
#   applicability: The review is checked as part of a system (several reviews, or --context) and consumes events.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     events:
#       consumes:
#         - name: payment-settled
#           topic: payments.payment-settled.v1
#           from: payments
#     _system:
#       consumes:
#         - producer_reviewed: true
#           published: true
#           producer: {service: payments, file: payments/design.yaml, at: {file: payments/design.yaml, line: 6, column: 9}}
#           entry: {index: 0, at: {file: payments/design.yaml, line: 200, column: 7}, delivery: at-least-once, topic: payments.payment-settled.v1}
package archvet.system.consumed_event_published

import rego.v1

import data.archvet.lib

# The review's place in the system, absent when it is checked alone.
system := object.get(input, "_system", null)

applicable if {
	system != null
	count(lib.consumes) > 0
}

deny contains lib.finding_related(msg, path, related) if {
	some j, found in system.consumes
	found.producer_reviewed == true
	found.published == false
	event := lib.consumes[j]
	topic := lib.get(event, "topic", "")
	msg := sprintf(
		"the service consumes event %q%s from %s, but the review of %s publishes no such event",
		[event.name, on_topic(topic), found.producer.service, found.producer.service],
	)
	path := sprintf("events.consumes[%d].name", [j])
	related := [{"msg": sprintf("%s is reviewed here and does not publish %q", [found.producer.service, event.name]), "at": found.producer.at}]
}

on_topic("") := ""

on_topic(topic) := sprintf(" on %s", [topic]) if topic != ""

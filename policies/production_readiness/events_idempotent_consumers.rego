# METADATA
# title: Consumers handle a redelivered message without applying it twice
# description: |-
#   Brokers that promise at-least-once delivery mean exactly that: after a
#   consumer crash, a rebalance or a lost acknowledgement, the same message
#   arrives again, and under normal operation that happens every day. A
#   consumer that is not idempotent then sends the second email, ships the
#   second parcel or counts the payment twice. Recognising a redelivery by a
#   message key, or making the handler's effect the same however often it
#   runs, is what makes retries and replays safe.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_prevent_interaction_failure_idempotent.html
#     description: REL04-BP04 Make mutating operations idempotent
#   - ref: https://microservices.io/patterns/communication-style/idempotent-consumer.html
#     description: The idempotent consumer pattern
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
# custom:
#   id: PR115
#   severity: high
#   level: reactive
#   check: presence
#   best_practices: [REL04-BP04]
#   frameworks:
#     production-readiness: messaging
#     ideals: event-driven
#     well-architected: reliability
#   remediation: |-
#     Record the ids of processed messages (in the same transaction as their
#     effect) and skip ones already seen, or make the handler's effect
#     naturally idempotent (upserts, conditional updates). Set
#     `events.consumes[].idempotent: true` or name the `dedup_key`.
#   applicability: The service consumes at least one event.
#   example: |-
#     events:
#       consumes:
#         - name: payment-settled
#           dedup_key: payment_id
#         - name: stock-changed
#           idempotent: true
package archvet.rules.production_readiness.events_idempotent_consumers

import rego.v1

import data.archvet.lib

applicable if count(lib.consumes) > 0

deny contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	event.idempotent == false
	trim_space(object.get(event, "dedup_key", "")) == ""
	msg := sprintf("consumer of %q may apply a redelivered message twice", [event.name])
	path := sprintf("events.consumes[%d].idempotent", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	not is_boolean(object.get(event, "idempotent", null))
	trim_space(object.get(event, "dedup_key", "")) == ""
	msg := sprintf("the design does not say whether the consumer of %q is safe against a redelivered message", [event.name])
	path := sprintf("events.consumes[%d].idempotent", [i])
}

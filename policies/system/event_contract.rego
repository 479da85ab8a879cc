# METADATA
# title: Producer and consumer of an event agree on its schema and on duplicates
# description: |-
#   An event is a contract between two reviews. When the consumer expects
#   another schema than the one the producer publishes (another file,
#   another version), the consumer fails on the first message, or worse,
#   reads fields that are no longer there as empty. When the producer
#   delivers at least once, so redeliveries are normal, and the consumer
#   says it neither is idempotent nor deduplicates, every redelivery is
#   applied twice: a second charge, a second email. A consumer written
#   for another guarantee than the producer keeps (`delivery` on both
#   sides) meets duplicates or losses it does not expect. Each side looks right
#   alone; only the two reviews together show that they disagree.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_prevent_interaction_failure_idempotent.html
#     description: REL04-BP04 Make mutating operations idempotent
#   - ref: https://docs.confluent.io/platform/current/schema-registry/fundamentals/schema-evolution.html
#     description: Confluent Schema Registry, schema evolution and compatibility
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
# custom:
#   id: SY008
#   severity: medium
#   level: proactive
#   check: reasoning
#   scope: system
#   best_practices: [REL04-BP04]
#   frameworks:
#     ideals: event-driven
#     production-readiness: messaging
#     well-architected: reliability
#   remediation: |-
#     Point `events.consumes[].schema` at the schema the producer publishes
#     (the same file or registry subject and version), and upgrade the
#     consumer before the producer changes it; write the consumer for
#     the producer's `delivery` (or have the producer keep the one the
#     consumer needs); make a consumer of an
#     at-least-once event idempotent (`idempotent: true`) or give it a
#     `dedup_key`.
#   applicability: The review is checked as part of a system (several reviews, or --context) and consumes events.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     events:
#       consumes:
#         - name: payment-settled
#           from: payments
#           schema: schemas/payment-settled.avsc
#           idempotent: true
#     _system:
#       consumes:
#         - producer_reviewed: true
#           published: true
#           producer: {service: payments, file: payments/design.yaml, at: {file: payments/design.yaml, line: 6, column: 9}}
#           entry:
#             index: 0
#             at: {file: payments/design.yaml, line: 200, column: 7}
#             delivery: at-least-once
#             schema: schemas/payment-settled.avsc
package archvet.system.event_contract

import rego.v1

import data.archvet.lib

# The review's place in the system, absent when it is checked alone.
system := object.get(input, "_system", null)

applicable if {
	system != null
	count(lib.consumes) > 0
}

# The producer's matching publishes entry for each consumed event.
published contains [j, event, found.producer.service, found.entry] if {
	some j, found in system.consumes
	is_object(found.entry)
	event := lib.consumes[j]
}

deny contains lib.finding_related(msg, path, related) if {
	some [j, event, producer, entry] in published
	is_string(event.schema)
	is_string(entry.schema)
	file_name(event.schema) != file_name(entry.schema)
	msg := sprintf(
		"the service expects event %q in schema %s, but %s publishes it in %s",
		[event.name, event.schema, producer, entry.schema],
	)
	path := sprintf("events.consumes[%d].schema", [j])
	related := [{"msg": sprintf("%s publishes %q with schema %s here", [producer, event.name, entry.schema]), "at": entry.at}]
}

# The consumer is written for another guarantee than the producer keeps:
# it does not expect the duplicates (at-least-once) or the losses
# (at-most-once) the producer allows. An exactly-once producer satisfies
# every consumer.
deny contains lib.finding_related(msg, path, related) if {
	some [j, event, producer, entry] in published
	is_string(event.delivery)
	is_string(entry.delivery)
	entry.delivery != event.delivery
	entry.delivery != "exactly-once"
	msg := sprintf(
		"the service is written for event %q delivered %s, but %s delivers it %s",
		[event.name, event.delivery, producer, entry.delivery],
	)
	path := sprintf("events.consumes[%d].delivery", [j])
	related := [{"msg": sprintf("%s publishes %q %s here", [producer, event.name, entry.delivery]), "at": entry.at}]
}

deny contains lib.finding_related(msg, path, related) if {
	some [j, event, producer, entry] in published
	entry.delivery == "at-least-once"
	event.idempotent == false
	trim_space(lib.get(event, "dedup_key", "")) == ""
	msg := sprintf(
		"%s delivers event %q at least once, so redeliveries are normal, but the service says it is not idempotent and names no dedup_key",
		[producer, event.name],
	)
	path := sprintf("events.consumes[%d].idempotent", [j])
	related := [{"msg": sprintf("%s publishes %q at least once here", [producer, event.name]), "at": entry.at}]
}

# The last segment of a path or registry id: two reviews in different
# folders name the same schema file by different relative paths.
file_name(ref) := name if {
	parts := split(ref, "/")
	name := parts[count(parts) - 1]
}

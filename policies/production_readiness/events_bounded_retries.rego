# METADATA
# title: Consumers retry a failing message a bounded number of times
# description: |-
#   Retrying a message that failed for a transient reason is right; retrying
#   one that can never succeed is a poison-pill loop that burns capacity,
#   floods logs and, on ordered queues and partitions, blocks every message
#   behind it. A small, stated number of attempts, after which the message
#   goes to the dead-letter queue, bounds the cost of a bad message and makes
#   the consumer's behaviour under failure predictable.
# related_resources:
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (retries)
#   - ref: https://sre.google/workbook/data-processing/
#     description: Google SRE workbook, Data Processing Pipelines
# custom:
#   id: PR117
#   severity: medium
#   level: proactive
#   check: threshold
#   params:
#     max_retries:
#       description: most processing attempts before a failing message is dead-lettered
#       value: 10
#   frameworks:
#     production-readiness: messaging
#   remediation: |-
#     Set a maximum number of processing attempts (10 or fewer, with backoff
#     between them) after which the message is dead-lettered, and record it
#     in `events.consumes[].max_retries`.
#   applicability: The service consumes at least one event.
#   example: |-
#     events:
#       consumes:
#         - name: payment-settled
#           max_retries: 5
#           dead_letter: payment-settled-dlq
package archvet.rules.production_readiness.events_bounded_retries

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if count(lib.consumes) > 0

unanswered contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	object.get(event, "max_retries", null) == null
	msg := sprintf("the design does not say how many times a failing %q message is retried", [event.name])
	path := sprintf("events.consumes[%d].max_retries", [i])
}

deny contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	event.max_retries > params.max_retries
	msg := sprintf(
		"a failing %q message is retried %d times, more than %d",
		[event.name, event.max_retries, params.max_retries],
	)
	path := sprintf("events.consumes[%d].max_retries", [i])
}

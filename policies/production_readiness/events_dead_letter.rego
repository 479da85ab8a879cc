# METADATA
# title: Every consumer has a dead-letter queue
# description: |-
#   Some messages will never be processed successfully: a malformed payload,
#   a reference to data that was deleted, a bug that only one record
#   triggers. Without a dead-letter queue such a poison message is either
#   retried forever, blocking the partition or queue behind it, or dropped,
#   silently losing data. Moving it aside after a bounded number of attempts
#   keeps the stream flowing and keeps the message for inspection and
#   replay.
# related_resources:
#   - ref: https://sre.google/workbook/data-processing/
#     description: Google SRE workbook, Data Processing Pipelines
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
#     description: Amazon SQS dead-letter queues
# custom:
#   id: PR113
#   severity: high
#   level: reactive
#   check: presence
#   frameworks:
#     production-readiness: messaging
#   remediation: |-
#     Give every consumer a dead-letter queue or topic that receives messages
#     after their last retry, with a documented way to inspect and replay
#     them, and name it in `events.consumes[].dead_letter`.
#   applicability: The service consumes at least one event.
#   example: |-
#     events:
#       consumes:
#         - name: payment-settled
#           dead_letter: payment-settled-dlq
package archvet.rules.production_readiness.events_dead_letter

import rego.v1

import data.archvet.lib

applicable if count(lib.consumes) > 0

deny contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	is_string(event.dead_letter)
	trim_space(event.dead_letter) == ""
	msg := sprintf("consumer of %q has no dead-letter queue for messages that keep failing", [event.name])
	path := sprintf("events.consumes[%d].dead_letter", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, event in lib.consumes
	not is_string(object.get(event, "dead_letter", null))
	msg := sprintf("the design does not say where messages of %q go when they keep failing", [event.name])
	path := sprintf("events.consumes[%d].dead_letter", [i])
}

# METADATA
# title: Messages landing in a dead-letter queue raise an alert
# description: |-
#   A dead-letter queue nobody watches is a slower way to lose data: the
#   failed messages pile up until retention deletes them, and the business
#   effect (an unpaid order, a missed notification) is discovered by a
#   customer weeks later. An alert on dead-lettered messages turns each one
#   into a prompt to fix the bug or the data and replay it while it still
#   matters.
# related_resources:
#   - ref: https://sre.google/workbook/data-processing/
#     description: Google SRE workbook, Data Processing Pipelines
#   - ref: https://sre.google/sre-book/monitoring-distributed-systems/
#     description: Google SRE book, Monitoring Distributed Systems
# custom:
#   id: PR114
#   severity: medium
#   level: proactive
#   check: presence
#   frameworks:
#     production-readiness: messaging
#   remediation: |-
#     Alert (at least as a ticket) when the dead-letter queue is not empty or
#     grows, link the alert to a runbook for inspecting and replaying
#     messages, and set `events.consumes[].dead_letter_alert: true`.
#   applicability: The service consumes events through at least one consumer with a dead-letter queue.
#   example: |-
#     events:
#       consumes:
#         - name: payment-settled
#           dead_letter: payment-settled-dlq
#           dead_letter_alert: true
package archvet.rules.production_readiness.events_dead_letter_alerts

import rego.v1

import data.archvet.lib

dead_lettered contains [i, event] if {
	some i, event in lib.consumes
	trim_space(object.get(event, "dead_letter", "")) != ""
}

applicable if count(dead_lettered) > 0

deny contains lib.finding(msg, path) if {
	some [i, event] in dead_lettered
	event.dead_letter_alert == false
	msg := sprintf("nothing alerts when messages of %q land in dead-letter queue %q", [event.name, event.dead_letter])
	path := sprintf("events.consumes[%d].dead_letter_alert", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, event] in dead_lettered
	not is_boolean(object.get(event, "dead_letter_alert", null))
	msg := sprintf("the design does not say whether anything alerts when messages of %q land in dead-letter queue %q", [event.name, event.dead_letter])
	path := sprintf("events.consumes[%d].dead_letter_alert", [i])
}

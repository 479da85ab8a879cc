# METADATA
# title: The dead-letter queue a review names for a consumed event is configured on its queue
# description: |-
#   A dead-letter queue only catches poison messages when the queue being
#   consumed is told to move a message there after a number of failed
#   receives. Without that redrive setting a message that always fails is
#   retried until it expires, blocking or silently dropping work, however
#   many times the review names a dead-letter queue. This rule holds each
#   consumed event's `dead_letter` against the Terraform of its queue
#   (matched by topic or name): the queue's redrive target, or at least a
#   queue of the dead-letter queue's name.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
#     description: Amazon SQS dead-letter queues
#   - ref: https://sre.google/workbook/data-processing/
#     description: Google SRE workbook, Data Processing Pipelines
# custom:
#   id: CL004
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: messaging
#   remediation: |-
#     Give the consumed queue a redrive policy whose target is the
#     dead-letter queue the review names (for SQS, `redrive_policy` with
#     `deadLetterTargetArn` and `maxReceiveCount`), or correct
#     `events.consumes[].dead_letter` to the queue that really receives
#     failed messages.
#   applicability: |-
#     Reviews whose consumed events state `dead_letter`. Without Terraform
#     for the queue the claim stays unverified.
#     It applies only when the review has Terraform among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     events:
#       consumes:
#         - name: payment-settled
#           topic: payment-settled
#           dead_letter: payment-settled-dlq
package archvet.rules.claims.dead_letter

import rego.v1

import data.archvet.lib

stated contains [sprintf("events.consumes[%d].dead_letter", [i]), event.dead_letter] if {
	some i, event in lib.consumes
	is_string(event.dead_letter)
}

# Without terraform in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("terraform")
	count(stated) > 0
}

queues := [r | some r in lib.terraform_resources; r.kind == "queue"]

# The consumed queue's own redrive setting.
evidence contains {"path": path, "claimed": event.dead_letter, "resource": r, "fact": r.facts.dead_letter} if {
	some i, event in lib.consumes
	is_string(event.dead_letter)
	some r in queues
	some name in [lib.get(event, "topic", event.name), event.name]
	lib.same_name(r.name, name)
	path := sprintf("events.consumes[%d].dead_letter", [i])
}

# A queue of the dead-letter queue's name shows it exists, when the
# redrive target is an expression (a reference to that queue's ARN).
evidence contains {"path": path, "claimed": event.dead_letter, "resource": r, "fact": {"value": r.name, "at": r.at}} if {
	some i, event in lib.consumes
	is_string(event.dead_letter)
	some r in queues
	lib.same_name(r.name, event.dead_letter)
	path := sprintf("events.consumes[%d].dead_letter", [i])
}

# compared is what the rule compares: [what the queue shows, what the
# review says], in the same terms.
compared(e) := [e.fact.value, promised] if {
	is_boolean(e.fact.value)
	promised := e.claimed != ""
}

# A literal redrive target is a name, or an ARN ending in the name.
compared(e) := [e.fact.value, ""] if {
	is_string(e.fact.value)
	e.claimed == ""
}

compared(e) := [named, true] if {
	is_string(e.fact.value)
	e.claimed != ""
	named := endswith(lib.normal_name(e.fact.value), lib.normal_name(e.claimed))
}

observed(false) := "no dead-letter queue"

observed(true) := "a dead-letter queue"

observed(value) := sprintf("dead-letter queue %s", [value]) if is_string(value)

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %q, but %s has %s", [e.path, e.claimed, e.resource.address, observed(e.fact.value)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

# METADATA
# title: Unacknowledged pages escalate to a second responder
# description: |-
#   The primary on-call engineer can be asleep through the phone, in a tunnel
#   or already busy with another incident. Without automatic escalation an
#   unanswered page simply expires while the outage continues. A defined
#   escalation path (a secondary, then a manager or the owning team) makes
#   sure that every page reaches a human within minutes, and tells the
#   responder whom to pull in when a problem is beyond them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_event_response_define_escalation_paths.html
#     description: OPS10-BP04 Define escalation paths
#   - ref: https://sre.google/sre-book/being-on-call/
#     description: Google SRE book, Being On-Call
# custom:
#   id: PR431
#   best_practices: [OPS10-BP04]
#   severity: high
#   check: presence
#   level: reactive
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Configure the paging tool to escalate a page that is not acknowledged
#     within a few minutes to a secondary on-call, and document the further
#     escalation path. Set `operations.on_call.escalation: true`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     operations:
#       on_call:
#         rotation: checkout-primary
#         hours: 24x7
#         escalation: true
package archvet.rules.production_readiness.incident_escalation

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

escalation := object.get(input, ["operations", "on_call", "escalation"], null)

unanswered contains lib.finding(msg, "operations.on_call.escalation") if {
	escalation == null
	msg := "the design does not say whether unacknowledged pages escalate"
}

deny contains lib.finding(msg, "operations.on_call.escalation") if {
	escalation == false
	msg := "unacknowledged pages do not escalate, so a missed page leaves the incident unanswered"
}

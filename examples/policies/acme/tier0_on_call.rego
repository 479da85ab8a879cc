# METADATA
# title: Tier-0 services page a named 24x7 rotation that escalates
# description: |-
#   ACME's incident policy holds every tier-0 service to a round-the-clock
#   rotation registered in the paging tool, with automatic escalation to a
#   second responder. A tier-0 outage stops orders, so an unanswered page is
#   not an option: the rotation must be named (so the paging tool and the
#   service catalogue agree) and must cover nights and weekends.
# related_resources:
#   - ref: https://handbook.acme.example/engineering/incident-policy#tier-0
#     description: ACME incident policy, tier-0 on-call
# custom:
#   id: ACME001
#   severity: critical
#   level: reactive
#   frameworks:
#     production-readiness: incident-response
#   remediation: |-
#     Register the service's rotation in the paging tool, cover it 24x7 and
#     turn on escalation to the secondary, then record it under
#     `operations.on_call`.
#   applicability: Tier-0 services.
#   example: |-
#     operations:
#       on_call:
#         rotation: checkout-primary
#         hours: 24x7
#         escalation: true
package archvet.rules.acme.tier0_on_call

import rego.v1

import data.archvet.lib

applicable if lib.tier == 0

on_call := object.get(input, ["operations", "on_call"], {})

deny contains lib.finding(msg, "operations.on_call.rotation") if {
	object.get(on_call, "rotation", "") == ""
	msg := "a tier-0 service names no on-call rotation"
}

deny contains lib.finding(msg, "operations.on_call.hours") if {
	hours := object.get(on_call, "hours", "unstated")
	hours != "24x7"
	msg := sprintf("a tier-0 service is covered %s, not 24x7", [hours])
}

deny contains lib.finding(msg, "operations.on_call.escalation") if {
	not on_call.escalation == true
	msg := "unacknowledged pages of a tier-0 service do not escalate to a second responder"
}

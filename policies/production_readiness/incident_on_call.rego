# METADATA
# title: An on-call rotation covers the service, around the clock for tier 0 and 1
# description: |-
#   Alerts are useless if nobody is obliged to answer them. A named rotation
#   makes it clear who responds, and for services whose outage stops revenue
#   or other services the rotation has to cover nights, weekends and
#   holidays, because failures do not keep office hours. Lower tiers can
#   accept business-hours cover, but not none at all.
# related_resources:
#   - ref: https://sre.google/sre-book/being-on-call/
#     description: Google SRE book, Being On-Call
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_event_response_event_incident_problem_process.html
#     description: OPS10-BP01 Use a process for event, incident, and problem management
# custom:
#   id: PR430
#   best_practices: [OPS10-BP01]
#   severity: high
#   check: threshold
#   level: reactive
#   params:
#     accepted_hours:
#       description: on-call cover (operations.on_call.hours) accepted at the tier
#       tiers: [[24x7], [24x7], [24x7, business-hours], [24x7, business-hours]]
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Create an on-call rotation in the paging tool for the owning team, name
#     it in `operations.on_call.rotation`, and set `hours: 24x7` for tier 0
#     and 1 services (at least `business-hours` for tier 2).
#   applicability: Services of tier 0 to 2.
#   example: |-
#     operations:
#       on_call:
#         rotation: checkout-primary
#         hours: 24x7
package archvet.rules.production_readiness.incident_on_call

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if lib.tier <= 2

on_call := object.get(input, ["operations", "on_call"], {})

hours := object.get(on_call, "hours", "")

unanswered contains lib.finding(msg, "operations.on_call.rotation") if {
	object.get(on_call, "rotation", "") == ""
	msg := sprintf("the design names no on-call rotation for this tier %d service", [lib.tier])
}

unanswered contains lib.finding(msg, "operations.on_call.hours") if {
	hours == ""
	msg := "the design does not say what hours the on-call rotation covers"
}

deny contains lib.finding(msg, "operations.on_call.hours") if {
	hours == "none"
	not hours in params.accepted_hours
	msg := sprintf("nobody is on call for this tier %d service", [lib.tier])
}

deny contains lib.finding(msg, "operations.on_call.hours") if {
	not hours in {"", "none"}
	not hours in params.accepted_hours
	msg := sprintf(
		"on-call covers %s only; a tier %d service needs %s cover",
		[hours, lib.tier, concat(" or ", params.accepted_hours)],
	)
}

# METADATA
# title: No team owns more tier 0 services or on-call rotations than it can carry
# description: |-
#   A tier 0 service needs an owner who can drop everything when it fails.
#   A team that owns several of them is paged for all of them at once in
#   the incidents that matter most, since tier 0 services tend to fail
#   together, and cannot give each the attention its promises assume. A
#   team that staffs many on-call rotations spreads the same few engineers
#   over them: shifts come round too often, and the load that good on-call
#   practice keeps bounded grows with every rotation. Each review names
#   only its own owner and rotation; only the whole system shows what one
#   team carries. The limits are about the team, so they are the same at
#   every tier.
# related_resources:
#   - ref: https://sre.google/sre-book/being-on-call/
#     description: Google SRE book, Being On-Call (balanced on-call load)
#   - ref: https://sre.google/workbook/on-call/
#     description: Google SRE workbook, On-Call
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_ops_model_def_resource_owners.html
#     description: OPS02-BP01 Resources have identified owners
# custom:
#   id: SY011
#   severity: medium
#   level: strategic
#   check: reasoning
#   scope: system
#   best_practices: [OPS02-BP01]
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   params:
#     max_tier0_services:
#       description: most tier 0 services one team may own
#       value: 2
#     max_rotations:
#       description: most distinct on-call rotations one team may staff
#       value: 2
#   remediation: |-
#     Move a service to another team (`service.owner`), or merge the
#     team's rotations into fewer (`operations.on_call.rotation`) and staff
#     each with enough engineers; for tier 0 services, give each owning
#     team the headcount its on-call needs.
#   applicability: The review is checked as part of a system (several reviews, or --context) and names its owner.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     service: {name: checkout, owner: team-checkout, tier: 0}
#     operations:
#       on_call: {rotation: checkout-primary}
#     _system:
#       owner:
#         team: team-checkout
#         tier0_services:
#           - {service: checkout, file: checkout/design.yaml, at: {file: checkout/design.yaml, line: 8, column: 9}}
#         rotations: [checkout-primary]
package archvet.system.ownership_load

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

# The review's place in the system, absent when it is checked alone.
system := object.get(input, "_system", null)

applicable if {
	system != null
	is_string(system.owner.team)
}

deny contains lib.finding_related(msg, "service.owner", related) if {
	lib.tier == 0
	services := system.owner.tier0_services
	count(services) > params.max_tier0_services
	names := [s.service | some s in services]
	msg := sprintf(
		"team %s owns %d tier 0 services (%s); one team can carry at most %d",
		[system.owner.team, count(services), concat(", ", names), params.max_tier0_services],
	)
	related := [{"msg": sprintf("%s is another tier 0 service of %s", [s.service, system.owner.team]), "at": s.at} |
		some s in services
		s.service != input.service.name
	]
}

deny contains lib.finding(msg, "operations.on_call.rotation") if {
	rotations := system.owner.rotations
	count(rotations) > params.max_rotations
	msg := sprintf(
		"team %s staffs %d on-call rotations (%s); one team can staff at most %d",
		[system.owner.team, count(rotations), concat(", ", rotations), params.max_rotations],
	)
}

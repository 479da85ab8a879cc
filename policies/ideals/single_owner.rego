# METADATA
# title: One team owns the service
# description: |-
#   A service owned by two teams is owned by neither: pages bounce between
#   rotations, each team waits for the other to approve changes, and the
#   backlog fills with work nobody feels responsible for. Shared ownership
#   often also signals that the service does two jobs, one for each team.
#   A single accountable team keeps decisions, on-call and the roadmap in one
#   place.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_ops_model_def_resource_owners.html
#     description: OPS02-BP01 Resources have identified owners
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, single responsibility
# custom:
#   id: ID016
#   severity: medium
#   level: reactive
#   best_practices: [OPS02-BP01]
#   check: threshold
#   frameworks:
#     ideals: single-responsibility
#     well-architected: operational-excellence
#   remediation: |-
#     Make one team accountable for the service and put only that team in
#     `service.owner`. If two teams each need part of it, consider splitting
#     the service along the line between their responsibilities.
#   applicability: Every service.
#   example: |-
#     service:
#       name: orders
#       owner: checkout-team
#       tier: 0
package archvet.rules.ideals.single_owner

import rego.v1

import data.archvet.lib

owner := object.get(input, ["service", "owner"], "")

several_owners if count(names) > 1

# The names the text lists: commas and semicolons separate them, and so do
# "and", "&" and "+" written as words between spaces. A slash or an
# ampersand inside a name ("search/discovery", "R&D platform") is part of
# the name.
names contains trim_space(part) if {
	some part in regex.split(`[,;]|\s(?:and|&|\+)\s`, lower(owner))
	trim_space(part) != ""
}

unanswered contains lib.finding(msg, path) if {
	trim_space(owner) == ""
	msg := "the design does not say which team owns the service"
	path := "service.owner"
}

deny contains lib.finding(msg, path) if {
	several_owners
	msg := sprintf("the service is owned by more than one team (%q)", [owner])
	path := "service.owner"
}

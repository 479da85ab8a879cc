# METADATA
# title: No hard synchronous dependency on a less critical tier
# description: |-
#   A service that waits for a dependency and cannot answer without it is
#   down whenever that dependency is down, so in practice it is only as
#   available, as well watched and as carefully changed as the dependency.
#   Tiers say how much care each service gets: its SLO, its on-call, its
#   change process. A tier 0 service that depends hard and synchronously on
#   a tier 2 one silently inherits tier 2 care, and its own promises rest
#   on a service nobody holds to them. Only the callee's review says which
#   tier it really is, so this needs the whole system.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp01.html
#     description: REL05-BP01 Implement graceful degradation to transform applicable hard dependencies into soft dependencies
#   - ref: https://sre.google/sre-book/service-level-objectives/
#     description: Google SRE book, Service Level Objectives
#   - ref: https://queue.acm.org/detail.cfm?id=3096459
#     description: Treynor et al., The Calculus of Service Availability (ACM Queue)
# custom:
#   id: SY001
#   severity: high
#   level: proactive
#   check: reasoning
#   scope: system
#   best_practices: [REL05-BP01]
#   frameworks:
#     well-architected: reliability
#     production-readiness: resilience
#   params:
#     max_tier_gap:
#       description: how many tiers less critical than this service a hard synchronous dependency may be
#       tiers: [0, 0, 1, 1]
#   remediation: |-
#     Make the dependency soft (`criticality: soft` with a fallback that
#     keeps the service answering), or asynchronous (`interaction: async`,
#     through events or a queue), or raise the callee to this service's
#     tier in its own review, with the SLO, on-call and change process that
#     tier asks for.
#   applicability: The review is checked as part of a system (several reviews, or --context) and declares dependencies.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     service: {name: checkout, tier: 0}
#     dependencies:
#       - name: payments
#         criticality: hard
#         interaction: sync
#     _system:
#       self: {name: checkout, tier: 0}
#       dependencies:
#         - name: payments
#           reviewed: true
#           hard: true
#           sync: true
#           callee: {name: payments, tier: 0, at: {file: payments/design.yaml, line: 8, column: 9}}
package archvet.system.tier_inversion

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

# The review's place in the system, absent when it is checked alone.
system := object.get(input, "_system", null)

applicable if {
	system != null
	count(lib.dependencies) > 0
}

deny contains lib.finding_related(msg, path, related) if {
	some i, dep in system.dependencies
	dep.hard == true
	dep.sync == true
	callee := dep.callee
	is_object(callee)
	callee.tier - lib.tier > params.max_tier_gap
	msg := sprintf(
		"dependency %q is hard and synchronous, but %s is a tier %d service and this one is tier %d: it can only be as available as its less critical dependency",
		[dep.name, callee.name, callee.tier, lib.tier],
	)
	path := sprintf("dependencies[%d].criticality", [i])
	related := [{"msg": sprintf("%s declares tier %d here", [callee.name, callee.tier]), "at": callee.at}]
}

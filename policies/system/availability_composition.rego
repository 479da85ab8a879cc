# METADATA
# title: The availability SLO fits under what the hard dependencies' own SLOs promise
# description: |-
#   A request that needs every one of its hard synchronous dependencies
#   succeeds only when all of them answer, so the service is at best as
#   available as the product of their availabilities. A single review can
#   only compose what it claims about its dependencies, and callers
#   routinely round those claims up. In a system run the callees' own
#   reviews state the objective each one is really held to: an objective
#   of 99.95% resting on two hard dependencies whose own SLOs are 99.9%
#   each (99.8% together) is a promise the design cannot keep. A dependency
#   with a fallback that keeps the request alive, or a redundant provider,
#   does not count: its failure does not fail the request.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp01.html
#     description: REL05-BP01 Implement graceful degradation to transform applicable hard dependencies into soft dependencies
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/availability.html
#     description: AWS Well-Architected Reliability Pillar, Availability (calculating availability with hard dependencies)
#   - ref: https://queue.acm.org/detail.cfm?id=3096459
#     description: Treynor et al., The Calculus of Service Availability (ACM Queue)
#   - ref: https://sre.google/sre-book/embracing-risk/
#     description: Google SRE book, Embracing Risk
# custom:
#   id: SY003
#   severity: high
#   level: proactive
#   check: reasoning
#   scope: system
#   best_practices: [REL05-BP01]
#   frameworks:
#     production-readiness: slos
#     well-architected: reliability
#   remediation: |-
#     Lower `slos[].objective_percent` to what the callees' own objectives
#     allow together, give the dependencies that cap it a fallback that
#     keeps requests alive (`fallback: cached-response`, `default-value`,
#     `degrade-feature` or `queue-for-later`) or a redundant provider
#     (`redundant_with`), or have the callees raise their own objectives in
#     their reviews, and fix `dependencies[].availability_percent` to what
#     they really promise.
#   applicability: The review is checked as part of a system (several reviews, or --context) and declares an availability SLO.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     slos:
#       - name: availability
#         sli: availability
#         objective_percent: 99.9
#     dependencies:
#       - name: payments
#         criticality: hard
#         interaction: sync
#     _system:
#       dependencies:
#         - name: payments
#           reviewed: true
#           hard: true
#           sync: true
#           callee:
#             name: payments
#             availability_percent: 99.95
#             availability_at: {file: payments/design.yaml, line: 40, column: 24}
package archvet.system.availability_composition

import rego.v1

import data.archvet.lib

# The review's place in the system, absent when it is checked alone.
system := object.get(input, "_system", null)

availability_slos contains [j, slo] if {
	some j, slo in lib.slos
	lib.get(slo, "sli", "") == "availability"
	is_number(lib.get(slo, "objective_percent", null))
}

applicable if {
	system != null
	count(availability_slos) > 0
}

surviving_fallbacks := {"cached-response", "default-value", "degrade-feature", "queue-for-later"}

# The review says how a request survives the dependency failing.
mitigated(dep) if lib.get(dep, "fallback", "") in surviving_fallbacks

mitigated(dep) if lib.dependency_index[lib.get(dep, "redundant_with", "")]

mitigated(dep) if {
	some other in lib.dependencies
	lib.get(other, "redundant_with", "") == dep.name
}

# Hard synchronous callees whose own review states an availability
# objective, and whose failure fails the request.
callees contains callee if {
	some i, edge in system.dependencies
	edge.hard == true
	edge.sync == true
	callee := edge.callee
	is_number(callee.availability_percent)
	not mitigated(lib.dependencies[i])
}

# Product of the callees' own objectives, in percent.
bound_percent := product([(callee.availability_percent / 100) | some callee in callees]) * 100

deny contains lib.finding_related(msg, path, related) if {
	names := sort({sprintf("%s (%v%%)", [callee.name, callee.availability_percent]) | some callee in callees})
	related := [{"msg": sprintf("%s promises %v%% here", [callee.name, callee.availability_percent]), "at": callee.availability_at} |
		some callee in sort_by_name(callees)
	]
	some [j, slo] in availability_slos

	# Compared to a ten-thousandth of a percent, so that the rounding of
	# the product cannot fail an objective equal to it.
	round(slo.objective_percent * 10000) > round(bound_percent * 10000)
	msg := sprintf(
		"availability slo %q promises %v%%, above the %v%% that the own SLOs of its hard dependencies %s allow together",
		[slo.name, slo.objective_percent, round(bound_percent * 10000) / 10000, concat(", ", names)],
	)
	path := sprintf("slos[%d].objective_percent", [j])
}

# sort_by_name orders callees by name, so related locations are stable.
sort_by_name(set) := [c |
	some name in sort({c.name | some c in set})
	some c in set
	c.name == name
]

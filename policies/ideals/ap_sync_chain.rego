# METADATA
# title: A service that chooses availability does not wait on long or hard synchronous chains
# description: |-
#   Declaring the service AP promises that it keeps answering when parts of
#   the system are unreachable. A synchronous call it cannot do without, or
#   one that fans out into a chain of more than three hops, breaks that
#   promise: when any hop is slow or partitioned away, the request fails
#   anyway, and the availability of the chain is the product of every hop's
#   availability. Either the dependency leaves the request path or the
#   design should stop claiming availability over consistency.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, availability over consistency
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures
# custom:
#   id: ID011
#   severity: high
#   level: proactive
#   frameworks:
#     ideals: availability-over-consistency
#     production-readiness: resilience
#   remediation: |-
#     Take the dependency out of the request path: keep a local copy of the
#     data it serves (fed by its events), queue the work for later, or give
#     the call a fallback so that it becomes soft. Shorten chains deeper than
#     three hops. If the service really cannot answer without the
#     dependency, declare `consistency.cap: CP` instead.
#   applicability: The service declares availability over consistency (`consistency.cap` is AP).
#   example: |-
#     consistency:
#       cap: AP
#     dependencies:
#       - name: pricing
#         interaction: sync
#         criticality: soft
#         call_depth: 2
#       - name: inventory
#         interaction: async
#         criticality: hard
package archvet.rules.ideals.ap_sync_chain

import rego.v1

import data.archvet.lib

max_depth := 3

applicable if lib.get(input, ["consistency", "cap"], "") == "AP"

deny contains lib.finding(msg, path) if {
	applicable
	some [i, dep] in lib.sync_dependencies
	depth := lib.get(dep, "call_depth", 1)
	depth > max_depth
	msg := sprintf(
		"the service declares AP but waits on dependency %q through a chain of %d synchronous hops",
		[dep.name, depth],
	)
	path := sprintf("dependencies[%d].call_depth", [i])
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, dep] in lib.sync_dependencies
	lib.get(dep, "criticality", "") == "hard"
	msg := sprintf("the service declares AP but cannot answer without synchronous dependency %q", [dep.name])
	path := sprintf("dependencies[%d].criticality", [i])
}

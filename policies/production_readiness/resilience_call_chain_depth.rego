# METADATA
# title: No synchronous call chain is more than three hops deep
# description: |-
#   Every synchronous hop adds its latency to the request and multiplies in
#   its chance of failure: five services at 99.9% each give at best 99.5%
#   end to end, and the slowest hop sets the tail latency for all. Deep
#   chains also amplify retries and make timeouts hard to set consistently.
#   Beyond three hops a design is usually better served by caching, data
#   replicated through events, or an asynchronous step.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel04-bp02.html
#     description: REL04-BP02 Implement loosely coupled dependencies
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, loose coupling
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures
# custom:
#   id: PR215
#   severity: medium
#   level: proactive
#   check: reasoning
#   params:
#     max_call_depth:
#       description: deepest synchronous chain accepted behind one dependency, the dependency itself included
#       value: 3
#   best_practices: [REL04-BP02]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#     ideals: availability-over-consistency
#   remediation: |-
#     Shorten the chain behind the dependency: cache or replicate the data the
#     service needs (for example a read model fed by events), call the
#     service that owns the data directly, or make the deep part of the work
#     asynchronous. Then update `dependencies[].call_depth`.
#   applicability: At least one synchronous dependency declares its call depth, or the service declares availability over consistency (consistency.cap is AP).
#   example: |-
#     dependencies:
#       - name: payments
#         interaction: sync
#         call_depth: 2
package archvet.rules.production_readiness.resilience_call_chain_depth

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if {
	some [_, dep] in lib.sync_dependencies
	object.get(dep, "call_depth", null) != null
}

applicable if ap

# The service declares availability over consistency (formerly ID011).
ap if object.get(input, ["consistency", "cap"], "") == "AP"

surviving_fallbacks := {"cached-response", "default-value", "degrade-feature", "queue-for-later"}

# An AP service that cannot answer without a synchronous dependency breaks
# its own promise whenever that dependency is partitioned away.
deny contains lib.finding(msg, path) if {
	ap
	some [i, dep] in lib.sync_dependencies
	dep.criticality == "hard"
	not object.get(dep, "fallback", "") in surviving_fallbacks
	msg := sprintf(
		"the service chooses availability over consistency, yet cannot answer without synchronous dependency %q",
		[dep.name],
	)
	path := sprintf("dependencies[%d].criticality", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, dep] in lib.sync_dependencies
	depth := object.get(dep, "call_depth", 0)
	depth > params.max_call_depth
	msg := sprintf(
		"dependency %q sits in front of %d synchronous hops, more than %d; latency adds up and availability multiplies down",
		[dep.name, depth, params.max_call_depth],
	)
	path := sprintf("dependencies[%d].call_depth", [i])
}

cap_unstated if object.get(input, ["consistency", "cap"], null) == null

# A hard synchronous dependency without a fallback that keeps answering.
unguarded_hard contains [i, dep] if {
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "criticality", null) == "hard"
	not object.get(dep, "fallback", "") in surviving_fallbacks
}

applicable if {
	cap_unstated
	count(unguarded_hard) > 0
}

unanswered contains lib.finding(msg, "consistency.cap") if {
	cap_unstated
	count(unguarded_hard) > 0
	msg := "the design does not say whether the service chooses availability or consistency, so its hard synchronous dependencies cannot be judged"
}

unanswered contains lib.finding(msg, "dependencies") if {
	ap
	not "dependencies" in object.keys(input)
	msg := "the design does not say which dependencies the service calls, so its availability promise cannot be checked"
}

unanswered contains lib.finding(msg, path) if {
	ap
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "criticality", null) == null
	not object.get(dep, "fallback", "") in surviving_fallbacks
	msg := sprintf(
		"the design does not say whether the service can answer without synchronous dependency %q",
		[object.get(dep, "name", i)],
	)
	path := sprintf("dependencies[%d].criticality", [i])
}

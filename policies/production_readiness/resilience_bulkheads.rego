# METADATA
# title: A critical service isolates its synchronous dependencies in bulkheads
# description: |-
#   When all outgoing calls share one pool of threads or connections, a
#   single slow dependency can fill it, and then calls to healthy
#   dependencies queue behind the stuck ones until the whole service stops
#   answering. Giving each dependency its own bounded pool, or a concurrency
#   limit, confines a slowdown to the features that need that dependency.
#   This matters once a tier 0 or 1 service waits on more than one
#   dependency.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp04.html
#     description: REL05-BP04 Fail fast and limit queues
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (resource exhaustion)
# custom:
#   id: PR211
#   severity: medium
#   level: proactive
#   check: presence
#   best_practices: [REL05-BP04]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Give each synchronous dependency its own bounded connection pool,
#     thread pool or concurrency limit, sized from its expected throughput
#     and latency, reject calls once it is full, and set
#     `dependencies[].bulkhead: true`.
#   applicability: Tier 0 and 1 services with two or more synchronous dependencies.
#   example: |-
#     dependencies:
#       - name: payments
#         interaction: sync
#         bulkhead: true
#       - name: inventory
#         interaction: sync
#         bulkhead: true
package archvet.rules.production_readiness.resilience_bulkheads

import rego.v1

import data.archvet.lib

applicable if {
	lib.critical
	count(lib.sync_dependencies) > 1
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "bulkhead", null) == null
	msg := sprintf("the design does not say whether calls to dependency %q run in their own bounded pool", [dep.name])
	path := sprintf("dependencies[%d].bulkhead", [i])
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "bulkhead", null) == false
	msg := sprintf("calls to dependency %q share resources with other calls, so its slowness can stall them", [dep.name])
	path := sprintf("dependencies[%d].bulkhead", [i])
}

# METADATA
# title: No dependency timeout is absurdly long
# description: |-
#   A timeout of many seconds is almost as harmful as none: while a
#   dependency is slow, every request waits out the whole period, holding
#   threads and connections, and the service's own callers give up long
#   before the answer comes back. Interactive calls should fail within a few
#   seconds; work that truly takes longer belongs behind an asynchronous
#   interface rather than a blocking call. Thirty seconds is taken as the
#   outer limit for any synchronous call.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp05.html
#     description: REL05-BP05 Set client timeouts
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (slow requests and resource exhaustion)
# custom:
#   id: PR203
#   severity: medium
#   level: proactive
#   check: threshold
#   params:
#     max_timeout_ms:
#       description: longest client timeout accepted for one synchronous call
#       value: 30000
#   best_practices: [REL05-BP05]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Measure the dependency's normal high-percentile latency and set
#     `dependencies[].timeout_ms` a little above it, well under 30000 ms. If
#     the operation really needs minutes, make it asynchronous (submit, then
#     poll or receive an event) and set `interaction: async`.
#   applicability: At least one synchronous dependency declares a client timeout.
#   example: |-
#     dependencies:
#       - name: payments
#         interaction: sync
#         timeout_ms: 2500
package archvet.rules.production_readiness.resilience_timeout_upper_bound

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if {
	some [_, dep] in lib.sync_dependencies
	object.get(dep, "timeout_ms", null) != null
}

deny contains lib.finding(msg, path) if {
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "timeout_ms", 0) > params.max_timeout_ms
	msg := sprintf(
		"dependency %q waits up to %d ms per call, more than the %d ms limit for a synchronous call",
		[dep.name, dep.timeout_ms, params.max_timeout_ms],
	)
	path := sprintf("dependencies[%d].timeout_ms", [i])
}

# METADATA
# title: The caller's timeout leaves room for the callee's normal slow answers
# description: |-
#   A latency SLO says how slow a good answer may be: the callee promises
#   that most requests finish under its threshold, and accepts that some
#   take up to it. A caller whose timeout is shorter than that threshold
#   gives up on answers the callee counts as good. Those calls fail for
#   nothing, and when the caller retries them it sends more load to a
#   callee that is slow because it is busy: slowness turns into load, and
#   load into more slowness. Only the callee's review states its latency
#   SLO, so this needs the whole system.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp05.html
#     description: REL05-BP05 Set client timeouts
#   - ref: https://sre.google/sre-book/service-level-objectives/
#     description: Google SRE book, Service Level Objectives
#   - ref: https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/
#     description: Amazon Builders' Library, Timeouts, retries, and backoff with jitter
# custom:
#   id: SY005
#   severity: medium
#   level: proactive
#   check: reasoning
#   scope: system
#   best_practices: [REL05-BP05]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Raise the dependency's `timeout_ms` above the threshold of the
#     callee's latency SLO (`slos[].threshold_ms` in its review), or agree
#     with the callee's team on a faster objective that the callee can
#     keep; if the caller cannot wait that long, make the call soft with a
#     fallback or asynchronous.
#   applicability: The review is checked as part of a system (several reviews, or --context) and declares dependencies.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     dependencies:
#       - name: payments
#         timeout_ms: 800
#     _system:
#       dependencies:
#         - name: payments
#           reviewed: true
#           sync: true
#           callee:
#             name: payments
#             latency_threshold_ms: 500
#             latency_at: {file: payments/design.yaml, line: 130, column: 19}
package archvet.system.timeout_under_latency_slo

import rego.v1

import data.archvet.lib

# The review's place in the system, absent when it is checked alone.
system := object.get(input, "_system", null)

applicable if {
	system != null
	count(lib.dependencies) > 0
}

deny contains lib.finding_related(msg, path, related) if {
	some i, edge in system.dependencies
	edge.sync == true
	threshold := edge.callee.latency_threshold_ms
	is_number(threshold)
	timeout := lib.dependencies[i].timeout_ms
	is_number(timeout)
	timeout < threshold
	msg := sprintf(
		"the service times out calls to %q after %d ms, but %s's latency SLO counts answers up to %d ms as good: normal slow answers time out and are retried",
		[edge.name, timeout, edge.callee.name, threshold],
	)
	path := sprintf("dependencies[%d].timeout_ms", [i])
	related := [{"msg": sprintf("%s's latency SLO sets %d ms here", [edge.callee.name, threshold]), "at": edge.callee.latency_at}]
}

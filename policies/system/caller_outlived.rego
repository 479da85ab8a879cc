# METADATA
# title: The caller does not give up while the callee is still allowed to work
# description: |-
#   A caller that stops waiting does not stop the callee: the request keeps
#   its threads, connections and database work on the other side until the
#   callee's own deadline ends it. When the caller's whole budget for a
#   call, its timeout times its attempts, is shorter than the callee's
#   deadline for one request, every slow call leaves orphaned work behind,
#   and every retry adds another copy of it. Under load that is how a slow
#   dependency turns into an overloaded one. Only the callee's review says
#   how long it lets a request run, so this needs the whole system.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp05.html
#     description: REL05-BP05 Set client timeouts
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (deadline propagation)
#   - ref: https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/
#     description: Amazon Builders' Library, Timeouts, retries, and backoff with jitter
# custom:
#   id: SY004
#   severity: medium
#   level: proactive
#   check: reasoning
#   scope: system
#   best_practices: [REL05-BP05]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Make the callee's deadline for the API this dependency uses
#     (`apis[].timeout_ms` in its review) no longer than the caller's
#     `timeout_ms` times its `retries.max_attempts`, or propagate the
#     caller's deadline with each request so the callee stops when the
#     caller does; or, if the work really takes that long, raise the
#     caller's `timeout_ms` or make the call asynchronous.
#   applicability: The review is checked as part of a system (several reviews, or --context) and declares dependencies.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     dependencies:
#       - name: payments
#         timeout_ms: 800
#         retries: {max_attempts: 3}
#     _system:
#       dependencies:
#         - name: payments
#           reviewed: true
#           sync: true
#           attempts: 3
#           callee:
#             name: payments
#             deadline_ms: 2000
#             deadline_at: {file: payments/design.yaml, line: 120, column: 17}
package archvet.system.caller_outlived

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
	deadline := edge.callee.deadline_ms
	is_number(deadline)
	timeout := lib.dependencies[i].timeout_ms
	is_number(timeout)
	timeout * edge.attempts < deadline
	msg := sprintf(
		"the service gives up on %q after %d ms (%d attempt(s) of %d ms), but %s lets each request run for %d ms: the work goes on after the caller has left",
		[edge.name, timeout * edge.attempts, edge.attempts, timeout, edge.callee.name, deadline],
	)
	path := sprintf("dependencies[%d].timeout_ms", [i])
	related := [{"msg": sprintf("%s lets each request run for %d ms here", [edge.callee.name, deadline]), "at": edge.callee.deadline_at}]
}

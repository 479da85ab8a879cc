# METADATA
# title: Retries do not multiply along a call path beyond a limit
# description: |-
#   Each layer that retries multiplies the calls the layers below it
#   receive: three layers that each try four times turn one failing request
#   into 64 calls on the deepest service, which is exactly when that
#   service can least afford them. Every review sets its own attempts and
#   looks reasonable alone; only the whole system shows the product along
#   a path. Where it exceeds the limit, retries should stop at this layer
#   (one attempt, the failure passed up) so that one layer retries for the
#   whole path.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp03.html
#     description: REL05-BP03 Control and limit retry calls
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (retries at multiple layers)
#   - ref: https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/
#     description: Amazon Builders' Library, Timeouts, retries, and backoff with jitter
# custom:
#   id: SY006
#   severity: high
#   level: proactive
#   check: reasoning
#   scope: system
#   best_practices: [REL05-BP03]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   params:
#     max_amplification:
#       description: most calls one request may become on the deepest service of a path, the attempts of every hop multiplied
#       tiers: [9, 9, 16, 27]
#   remediation: |-
#     Retry at one layer only: set `retries.max_attempts: 1` on this
#     dependency (or on the layers below, in their reviews) so the product
#     of attempts along the path stays within the limit, and keep a retry
#     budget (`retries.budget_percent`) where retries remain.
#   applicability: The review is checked as part of a system (several reviews, or --context) and declares dependencies.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     dependencies:
#       - name: payments
#         retries: {max_attempts: 3}
#     _system:
#       dependencies:
#         - name: payments
#           reviewed: true
#           attempts: 3
#           amplification: 3
#           amplification_path:
#             - {service: checkout, dependency: 0, attempts: 3, at: {file: checkout/design.yaml, line: 3, column: 5}}
#             - {service: payments, dependency: 1, attempts: 1, at: {file: payments/design.yaml, line: 90, column: 5}}
package archvet.system.retry_amplification

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
	some i, edge in system.dependencies
	edge.amplification > params.max_amplification
	edge.attempts > 1
	hops := [sprintf("%s %d", [hop.service, hop.attempts]) | some hop in edge.amplification_path]
	msg := sprintf(
		"one call to %q can become %d calls along %s (attempts per hop); a tier %d service allows %d, so retries should stop here",
		[edge.name, edge.amplification, concat(" x ", hops), lib.tier, params.max_amplification],
	)
	path := sprintf("dependencies[%d].retries.max_attempts", [i])
	related := [{"msg": sprintf("%s makes %d attempt(s) here", [hop.service, hop.attempts]), "at": hop.at} |
		some k, hop in edge.amplification_path
		k > 0
	]
}

# METADATA
# title: Retries can finish before the service's own request deadline
# description: |-
#   In the worst case a retried call takes its timeout once per attempt. When
#   that sum runs past the deadline the service gives its own callers, the
#   later attempts are spent on requests that have already failed upstream:
#   they add load to a struggling dependency and buy nothing. The design does
#   not say which API calls which dependency, so a dependency is reported
#   only when its worst case exceeds even the longest API deadline.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp03.html
#     description: REL05-BP03 Control and limit retry calls
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp05.html
#     description: REL05-BP05 Set client timeouts
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (deadlines and retries)
# custom:
#   id: PR208
#   severity: medium
#   level: proactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Make `dependencies[].retries.max_attempts` times
#     `dependencies[].timeout_ms` fit inside `apis[].timeout_ms`, by lowering
#     the attempts or the per-attempt timeout, or stop retrying once the
#     caller's remaining deadline is too short for another attempt.
#   applicability: At least one API declares a server timeout and at least one synchronous dependency declares both a client timeout and a retry policy with more than one attempt.
#   example: |-
#     apis:
#       - name: orders
#         timeout_ms: 3000
#     dependencies:
#       - name: payments
#         interaction: sync
#         timeout_ms: 800
#         retries:
#           max_attempts: 3
package archvet.rules.production_readiness.resilience_retry_deadline

import rego.v1

import data.archvet.lib

# Server deadlines the service's APIs declare; 0 means none and is ignored.
api_deadlines contains t if {
	some api in lib.apis
	t := lib.get(api, "timeout_ms", 0)
	t > 0
}

# Synchronous dependencies with a finite timeout and more than one attempt.
retried_with_timeout contains [i, dep] if {
	some [i, dep] in lib.sync_dependencies
	lib.get(dep, "timeout_ms", 0) > 0
	lib.get(dep, ["retries", "max_attempts"], 0) > 1
}

applicable if {
	count(api_deadlines) > 0
	count(retried_with_timeout) > 0
}

deny contains lib.finding(msg, path) if {
	longest := max(api_deadlines)
	some [i, dep] in retried_with_timeout
	worst := dep.retries.max_attempts * dep.timeout_ms
	worst > longest
	msg := sprintf(
		"dependency %q can take %d ms over %d attempts, beyond the longest api deadline of %d ms",
		[dep.name, worst, dep.retries.max_attempts, longest],
	)
	path := sprintf("dependencies[%d].retries.max_attempts", [i])
}

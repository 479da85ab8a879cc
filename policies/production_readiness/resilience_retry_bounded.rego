# METADATA
# title: Every retry policy bounds the number of attempts
# description: |-
#   A retry policy without a maximum number of attempts keeps calling a
#   dependency that is down for as long as the outage lasts, multiplying the
#   load on it and holding the caller's resources the whole time. Unbounded
#   retries are a classic way for one failing service to take down the ones
#   around it. Every retry policy must state how many attempts a call may
#   make in total.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp03.html
#     description: REL05-BP03 Control and limit retry calls
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (retries)
# custom:
#   id: PR206
#   severity: high
#   level: reactive
#   check: threshold
#   best_practices: [REL05-BP03]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Cap the attempts in the client's retry policy (three in total is a
#     common choice for interactive calls) and record it as
#     `dependencies[].retries.max_attempts`.
#   applicability: At least one dependency declares a retry policy.
#   example: |-
#     dependencies:
#       - name: payments
#         retries:
#           max_attempts: 3
#           backoff: exponential
#           jitter: true
package archvet.rules.production_readiness.resilience_retry_bounded

import rego.v1

import data.archvet.lib

# Dependencies that declare a retry policy, whatever it says.
with_retry_policy contains [i, dep] if {
	some i, dep in lib.dependencies
	object.get(dep, "retries", null) != null
}

applicable if count(with_retry_policy) > 0

deny contains lib.finding(msg, path) if {
	some [i, dep] in with_retry_policy
	dep.retries.max_attempts < 1
	msg := sprintf("dependency %q gives 0 as its most attempts, which retry clients read as no limit", [dep.name])
	path := sprintf("dependencies[%d].retries.max_attempts", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, dep] in with_retry_policy
	object.get(dep.retries, "max_attempts", null) == null
	msg := sprintf("the design does not say how many attempts a call to dependency %q may make", [dep.name])
	path := sprintf("dependencies[%d].retries.max_attempts", [i])
}

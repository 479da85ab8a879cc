# METADATA
# title: Retries are jittered
# description: |-
#   When many clients see the same failure at the same moment, identical
#   backoff schedules make them all retry at the same instants, so the
#   dependency is hit by synchronised waves instead of a spread-out trickle.
#   Randomising each wait breaks the lockstep and smooths the load during
#   recovery. Jitter costs nothing and matters most for the busiest callers.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp03.html
#     description: REL05-BP03 Control and limit retry calls
#   - ref: https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/
#     description: Amazon Builders' Library, Timeouts, retries and backoff with jitter
# custom:
#   id: PR205
#   severity: medium
#   level: proactive
#   check: presence
#   best_practices: [REL05-BP03]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Add a random component to every retry wait (for example pick the wait
#     uniformly between zero and the current backoff) and record
#     `dependencies[].retries.jitter: true`.
#   applicability: At least one dependency retries failed calls (a retry policy allowing more than one attempt, or not saying how many).
#   example: |-
#     dependencies:
#       - name: payments
#         retries:
#           max_attempts: 3
#           backoff: exponential
#           jitter: true
package archvet.rules.production_readiness.resilience_retry_jitter

import rego.v1

import data.archvet.lib

# Dependencies whose calls are retried: a retry policy that allows more than
# one attempt, or that does not bound the attempts at all.
retrying contains [i, dep] if {
	some i, dep in lib.dependencies
	retries := object.get(dep, "retries", null)
	retries != null
	object.get(retries, "max_attempts", 2) > 1
}

applicable if count(retrying) > 0

unanswered contains lib.finding(msg, path) if {
	some [i, dep] in retrying
	object.get(dep.retries, "jitter", null) == null
	msg := sprintf("the design does not say whether retries to dependency %q are jittered", [dep.name])
	path := sprintf("dependencies[%d].retries.jitter", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, dep] in retrying
	object.get(dep.retries, "jitter", null) == false
	msg := sprintf("retries to dependency %q are not jittered, so clients retry in lockstep", [dep.name])
	path := sprintf("dependencies[%d].retries.jitter", [i])
}

# A dependency that states no retry policy may retry without a word on how.
unanswered contains lib.finding(msg, path) if {
	applicable
	some i, dep in lib.dependencies
	object.get(dep, "interaction", "sync") == "sync"
	object.get(dep, "retries", null) == null
	msg := sprintf("the design does not say whether calls to dependency %q are retried", [object.get(dep, "name", i)])
	path := sprintf("dependencies[%d].retries", [i])
}

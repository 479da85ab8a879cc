# METADATA
# title: Retries back off exponentially
# description: |-
#   A dependency that fails under load needs less traffic to recover, yet
#   immediate or evenly spaced retries add traffic exactly when it is
#   weakest. Growing the wait exponentially between attempts gives a
#   struggling dependency room to come back, while the first retry still
#   arrives soon enough to hide a brief blip. Fixed or linear waits, or none,
#   turn a short hiccup into a sustained overload.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp03.html
#     description: REL05-BP03 Control and limit retry calls
#   - ref: https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/
#     description: Amazon Builders' Library, Timeouts, retries and backoff with jitter
# custom:
#   id: PR204
#   severity: medium
#   level: proactive
#   check: threshold
#   best_practices: [REL05-BP03]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Configure the client's retry policy to double (or otherwise multiply)
#     the wait after each failed attempt, capped at a maximum, and record
#     `dependencies[].retries.backoff: exponential`.
#   applicability: At least one dependency retries failed calls (a retry policy allowing more than one attempt, or not saying how many).
#   example: |-
#     dependencies:
#       - name: payments
#         retries:
#           max_attempts: 3
#           backoff: exponential
#           jitter: true
package archvet.rules.production_readiness.resilience_retry_backoff

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
	object.get(dep.retries, "backoff", null) == null
	msg := sprintf("dependency %q retries but the design does not say how the wait between attempts grows", [dep.name])
	path := sprintf("dependencies[%d].retries.backoff", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, dep] in retrying
	backoff := object.get(dep.retries, "backoff", null)
	not backoff in {null, "exponential"}
	msg := sprintf("dependency %q retries with %s backoff; back off exponentially", [dep.name, backoff])
	path := sprintf("dependencies[%d].retries.backoff", [i])
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

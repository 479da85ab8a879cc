# METADATA
# title: Hard synchronous dependencies are called through circuit breakers
# description: |-
#   When a dependency the service cannot do without is failing, every call
#   to it waits out a timeout and then fails anyway. A circuit breaker
#   notices the run of failures, stops sending calls for a while and fails
#   them at once, which frees the caller's threads, spares the dependency
#   while it recovers and lets the service answer quickly with an error or a
#   fallback. Production services down to tier 2 should not have to learn
#   this during an outage.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp04.html
#     description: REL05-BP04 Fail fast and limit queues
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp01.html
#     description: REL05-BP01 Implement graceful degradation to transform applicable hard dependencies into soft dependencies
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures
# custom:
#   id: PR210
#   severity: high
#   level: proactive
#   check: presence
#   best_practices: [REL05-BP04]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Wrap the client for each hard synchronous dependency in a circuit
#     breaker (from the service mesh or a resilience library) that opens on a
#     failure or timeout rate and probes before closing again, then set
#     `dependencies[].circuit_breaker: true`.
#   applicability: Services of tier 0 to 2 with at least one hard synchronous dependency (criticality hard, or not stated).
#   example: |-
#     dependencies:
#       - name: payments
#         interaction: sync
#         criticality: hard
#         circuit_breaker: true
package archvet.rules.production_readiness.resilience_circuit_breakers

import rego.v1

import data.archvet.lib

# Synchronous dependencies the service cannot work without; an unclassified
# dependency is taken to be hard.
hard_sync contains [i, dep] if {
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "criticality", "hard") == "hard"
}

applicable if {
	lib.tier <= 2
	count(hard_sync) > 0
}

unanswered contains lib.finding(msg, path) if {
	lib.tier <= 2
	some [i, dep] in hard_sync
	object.get(dep, "circuit_breaker", null) == null
	msg := sprintf("the design does not say whether calls to hard dependency %q go through a circuit breaker", [dep.name])
	path := sprintf("dependencies[%d].circuit_breaker", [i])
}

deny contains lib.finding(msg, path) if {
	lib.tier <= 2
	some [i, dep] in hard_sync
	object.get(dep, "circuit_breaker", null) == false
	msg := sprintf("hard dependency %q has no circuit breaker, so its failures tie up the service", [dep.name])
	path := sprintf("dependencies[%d].circuit_breaker", [i])
}

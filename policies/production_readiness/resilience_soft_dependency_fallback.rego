# METADATA
# title: Soft dependencies degrade instead of failing the request
# description: |-
#   Calling a dependency soft is a promise that the service keeps working
#   without it. The promise holds only if the design says how: serve a
#   cached answer, use a sensible default, hide the feature, or queue the
#   work for later. A soft dependency whose failure still fails the request,
#   or whose fallback is undecided, is a hard dependency in practice and
#   lowers the service's availability accordingly.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp01.html
#     description: REL05-BP01 Implement graceful degradation to transform applicable hard dependencies into soft dependencies
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (graceful degradation)
# custom:
#   id: PR212
#   severity: medium
#   level: proactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     For each soft synchronous dependency implement a degraded path and
#     record it as `dependencies[].fallback`: `cached-response`,
#     `default-value`, `degrade-feature` or `queue-for-later`. If no degraded
#     answer is acceptable, the dependency is hard: say so in
#     `criticality`.
#   applicability: The service declares at least one soft synchronous dependency.
#   example: |-
#     dependencies:
#       - name: recommendations
#         interaction: sync
#         criticality: soft
#         fallback: default-value
package archvet.rules.production_readiness.resilience_soft_dependency_fallback

import rego.v1

import data.archvet.lib

# Fallbacks that keep the request alive in a reduced form.
degrading_fallbacks := {"cached-response", "default-value", "degrade-feature", "queue-for-later"}

soft_sync contains [i, dep] if {
	some [i, dep] in lib.sync_dependencies
	lib.get(dep, "criticality", null) == "soft"
}

applicable if count(soft_sync) > 0

deny contains lib.finding(msg, path) if {
	some [i, dep] in soft_sync
	lib.get(dep, "fallback", null) == null
	msg := sprintf("the design does not say how the service degrades when soft dependency %q fails", [dep.name])
	path := sprintf("dependencies[%d].fallback", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, dep] in soft_sync
	fallback := lib.get(dep, "fallback", null)
	fallback != null
	not fallback in degrading_fallbacks
	msg := sprintf("soft dependency %q falls back to %s, so its failure still fails the request", [dep.name, fallback])
	path := sprintf("dependencies[%d].fallback", [i])
}

# METADATA
# title: Every synchronous dependency has a declared failure mode
# description: |-
#   A timeout only says when to stop waiting; the design must also say what
#   the service does next. Without a decided failure mode, each code path
#   improvises: some hang on, some surface raw errors, some retry without end.
#   Choosing per dependency between a degraded answer (cached response,
#   default value, dropped feature, queued work) and failing fast makes the
#   behaviour under failure predictable, testable and visible to callers.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp01.html
#     description: REL05-BP01 Implement graceful degradation to transform applicable hard dependencies into soft dependencies
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp04.html
#     description: REL05-BP04 Fail fast and limit queues
# custom:
#   id: PR201
#   severity: high
#   level: reactive
#   check: reasoning
#   best_practices: [REL05-BP01]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     For each synchronous dependency decide what happens when it errors or
#     times out and record it as `dependencies[].fallback`: `cached-response`,
#     `default-value`, `degrade-feature` or `queue-for-later` when the service
#     can still answer, or `fail-fast` when it cannot. Exercise that path in
#     tests.
#   applicability: The service declares at least one synchronous dependency (interaction sync, or not stated).
#   example: |-
#     dependencies:
#       - name: payments
#         interaction: sync
#         criticality: hard
#         fallback: fail-fast
#       - name: recommendations
#         interaction: sync
#         criticality: soft
#         fallback: default-value
package archvet.rules.production_readiness.resilience_dependency_failure_mode

import rego.v1

import data.archvet.lib

applicable if count(lib.sync_dependencies) > 0

unanswered contains lib.finding(msg, path) if {
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "fallback", null) == null
	msg := sprintf("the design does not say what the service does when dependency %q fails", [dep.name])
	path := sprintf("dependencies[%d].fallback", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "fallback", null) == "none"
	msg := sprintf("dependency %q has no failure mode; degrade or fail fast when it fails", [dep.name])
	path := sprintf("dependencies[%d].fallback", [i])
}

# A soft dependency is one the service can do without: failing fast on it
# still fails the request (formerly PR212).
deny contains lib.finding(msg, path) if {
	some [i, dep] in lib.sync_dependencies
	dep.criticality == "soft"
	dep.fallback == "fail-fast"
	msg := sprintf("soft dependency %q falls back to fail-fast, so its failure still fails the request", [dep.name])
	path := sprintf("dependencies[%d].fallback", [i])
}

# METADATA
# title: Every synchronous dependency has a client timeout
# description: |-
#   The network between two services can drop, stall or slow down at any
#   moment, and a call that waits without a deadline holds a thread, a
#   connection and the caller's own request for as long as the fault lasts.
#   A few such calls are enough to exhaust the service and spread one
#   dependency's trouble to everything upstream. Each synchronous call needs an
#   explicit, finite timeout chosen from the dependency's normal latency rather
#   than a library default, which is often infinite.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp05.html
#     description: REL05-BP05 Set client timeouts
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (latency and deadlines)
# custom:
#   id: PR200
#   severity: high
#   level: reactive
#   check: presence
#   best_practices: [REL05-BP05]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Give every synchronous dependency a finite client timeout, sized a little
#     above its normal high-percentile latency, and record it as
#     `dependencies[].timeout_ms`. Do not rely on the HTTP, gRPC or database
#     client's default, and never use 0 to mean "no timeout".
#   applicability: The service declares at least one synchronous dependency (interaction sync, or not stated).
#   example: |-
#     dependencies:
#       - name: payments
#         interaction: sync
#         timeout_ms: 800
package archvet.rules.production_readiness.resilience_dependency_timeouts

import rego.v1

import data.archvet.lib

applicable if count(lib.sync_dependencies) > 0

unanswered contains lib.finding(msg, path) if {
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "timeout_ms", null) == null
	msg := sprintf("the design does not say what timeout calls to dependency %q use", [dep.name])
	path := sprintf("dependencies[%d].timeout_ms", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, dep] in lib.sync_dependencies
	object.get(dep, "timeout_ms", null) == 0
	msg := sprintf("dependency %q has a timeout of 0, which most clients read as waiting forever", [dep.name])
	path := sprintf("dependencies[%d].timeout_ms", [i])
}

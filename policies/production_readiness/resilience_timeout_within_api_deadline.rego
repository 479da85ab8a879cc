# METADATA
# title: Dependency timeouts are shorter than the service's own request deadline
# description: |-
#   When the service gives up on its caller after a deadline, any dependency
#   call still running past that point is wasted work: the answer arrives for
#   a request nobody is waiting for, while it keeps a connection and a thread
#   busy. A dependency timeout at or above the server deadline also leaves no
#   time to run the fallback. The design does not say which API calls which
#   dependency, so every synchronous dependency is held below the shortest
#   deadline any of the service's APIs declares.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp05.html
#     description: REL05-BP05 Set client timeouts
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (deadline propagation)
# custom:
#   id: PR202
#   severity: medium
#   level: proactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Lower `dependencies[].timeout_ms` below the smallest `apis[].timeout_ms`,
#     leaving room for the fallback and the response, or raise the API
#     deadline if the slow dependency really is needed. Better still,
#     propagate the caller's remaining deadline to each outgoing call.
#   applicability: At least one API declares a server timeout and at least one synchronous dependency declares a client timeout.
#   example: |-
#     apis:
#       - name: orders
#         timeout_ms: 2000
#     dependencies:
#       - name: payments
#         interaction: sync
#         timeout_ms: 800
package archvet.rules.production_readiness.resilience_timeout_within_api_deadline

import rego.v1

import data.archvet.lib

# Server deadlines the service's APIs declare; 0 means none and is ignored.
api_deadlines contains t if {
	some api in lib.apis
	t := lib.get(api, "timeout_ms", 0)
	t > 0
}

# Synchronous dependencies with a finite client timeout.
timed_dependencies contains [i, dep] if {
	some [i, dep] in lib.sync_dependencies
	lib.get(dep, "timeout_ms", 0) > 0
}

applicable if {
	count(api_deadlines) > 0
	count(timed_dependencies) > 0
}

deny contains lib.finding(msg, path) if {
	shortest := min(api_deadlines)
	some [i, dep] in timed_dependencies
	dep.timeout_ms >= shortest
	msg := sprintf(
		"dependency %q times out after %d ms, not below the shortest api deadline of %d ms",
		[dep.name, dep.timeout_ms, shortest],
	)
	path := sprintf("dependencies[%d].timeout_ms", [i])
}

# METADATA
# title: No dependency calls back into the service
# description: |-
#   When a dependency also calls this service, the two form a cycle: neither
#   can be started, tested, deployed or reasoned about on its own, a slow
#   response on one side holds threads on both, and under load the loop can
#   feed on itself until both fall over. Cycles usually mean the boundary
#   between the services is in the wrong place, or that one direction should
#   be an event rather than a call.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_prevent_interaction_failure_loosely_coupled_system.html
#     description: REL04-BP02 Implement loosely coupled dependencies
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, loose coupling
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures
# custom:
#   id: ID013
#   severity: high
#   level: proactive
#   check: presence
#   best_practices: [REL04-BP02]
#   frameworks:
#     ideals: loose-coupling
#     well-architected: reliability
#   remediation: |-
#     Break the cycle: have one side publish events the other consumes instead
#     of calling back, move the shared responsibility into one of the two
#     services, or extract it into a third service both depend on. Then drop
#     `calls_back` from the dependency.
#   applicability: The service declares at least one dependency.
#   example: |-
#     dependencies:
#       - name: payments
#         calls_back: false
package archvet.rules.ideals.no_dependency_cycles

import rego.v1

import data.archvet.lib

applicable if count(lib.dependencies) > 0

deny contains lib.finding(msg, path) if {
	some i, dep in lib.dependencies
	object.get(dep, "calls_back", null) == true
	msg := sprintf("dependency %q also calls this service, forming a cycle", [dep.name])
	path := sprintf("dependencies[%d].calls_back", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, dep in lib.dependencies
	object.get(dep, "calls_back", null) == null
	msg := sprintf("the design does not say whether dependency %q also calls this service", [dep.name])
	path := sprintf("dependencies[%d].calls_back", [i])
}

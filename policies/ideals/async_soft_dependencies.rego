# METADATA
# title: Soft dependencies are reached asynchronously
# description: |-
#   A soft dependency is one the service can do its job without. Calling it
#   synchronously still puts its latency on every request and ties up a
#   thread or connection while it is slow, so a dependency the business can
#   live without can still drag the service down. Sending it a message or
#   reacting to its events removes it from the request path altogether and
#   lets each side scale and fail on its own.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_prevent_interaction_failure_loosely_coupled_system.html
#     description: REL04-BP02 Implement loosely coupled dependencies
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, event-driven
# custom:
#   id: ID006
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL04-BP02]
#   frameworks:
#     ideals: event-driven
#     well-architected: reliability
#   remediation: |-
#     Replace the request/response call with a message or an event (publish a
#     command to a queue, or consume the dependency's events into a local
#     copy) and set `interaction: async`. If a synchronous call is truly
#     needed, record why in a decision that names the dependency (its title,
#     decision or context), and keep a fallback.
#   applicability: The service (tier 0 to 2) declares at least one soft dependency.
#   example: |-
#     dependencies:
#       - name: recommendations
#         criticality: soft
#         interaction: async
#       - name: email
#         criticality: soft
#         interaction: async
package archvet.rules.ideals.async_soft_dependencies

import rego.v1

import data.archvet.lib

soft_dependencies contains [i, dep] if {
	some i, dep in lib.dependencies
	object.get(dep, "criticality", "") == "soft"
}

applicable if {
	lib.tier <= 2
	count(soft_dependencies) > 0
}

# A live decision that names the dependency records why the call stays
# synchronous: the escape hatch the remediation has always offered.
decided(dep) if {
	some d in lib.decisions
	not object.get(d, "status", "") in {"rejected", "deprecated", "superseded"}
	text := lower(concat(" ", [object.get(d, "title", ""), object.get(d, "decision", ""), object.get(d, "context", "")]))
	contains(text, lower(dep.name))
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, dep] in soft_dependencies
	object.get(dep, "interaction", "") == "sync"
	not decided(dep)
	msg := sprintf("soft dependency %q is called synchronously and no decision says why; it could be reached through messages or events", [dep.name])
	path := sprintf("dependencies[%d].interaction", [i])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, dep] in soft_dependencies
	object.get(dep, "interaction", null) == null
	msg := sprintf("the design does not say whether soft dependency %q is called synchronously or reached by messages", [dep.name])
	path := sprintf("dependencies[%d].interaction", [i])
}

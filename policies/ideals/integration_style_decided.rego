# METADATA
# title: The integration style is a decision, not a default
# description: |-
#   Whether services talk through request/response calls or through messages
#   and events shapes latency, failure modes, coupling and how the teams
#   evolve their contracts. A design in which every interaction is a
#   synchronous call, and no decision says why, has usually drifted into
#   that style because it was the easiest to start with. Recording the
#   choice forces a look at which interactions really need an immediate
#   answer.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_prevent_interaction_failure_loosely_coupled_system.html
#     description: REL04-BP02 Implement loosely coupled dependencies
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, loose coupling and event-driven
# custom:
#   id: ID014
#   severity: medium
#   level: strategic
#   check: reasoning
#   best_practices: [REL04-BP02]
#   frameworks:
#     ideals: loose-coupling
#     well-architected: reliability
#   remediation: |-
#     Decide, per interaction, which ones need an answer before the service
#     can respond and which ones can be messages or events, and record the
#     choice as a decision with topic `integration-style`.
#   applicability: Services of tier 0 to 2 with at least one dependency.
#   example: |-
#     dependencies:
#       - name: payments
#         interaction: sync
#     decisions:
#       - id: ADR-0002
#         title: Synchronous payment authorisation, events for everything else
#         topic: integration-style
#         status: accepted
#   decision:
#     topic: integration-style
#     question: Should the service integrate with its dependencies by request/response, by events, or by a mix?
#     drivers:
#       - which interactions need an answer before the service can respond
#       - tolerance for latency and for dependency outages
#       - how often contracts change and how many consumers they have
#     options:
#       - name: sync request/response
#         pros:
#           - simple to build, read and debug
#           - the caller gets an immediate answer
#         cons:
#           - the caller's availability and latency depend on every callee
#           - retries and timeouts must be tuned per call
#       - name: async events or messages
#         pros:
#           - producer and consumer fail and scale independently
#           - load spikes are absorbed by the broker
#         cons:
#           - eventual consistency and harder end-to-end tracing
#           - needs a broker, schemas, dead-letter handling
#       - name: hybrid
#         pros:
#           - synchronous only where an immediate answer is required
#         cons:
#           - two styles to operate and explain
package archvet.rules.ideals.integration_style_decided

import rego.v1

import data.archvet.lib

applicable if {
	lib.tier <= 2
	count(lib.dependencies) > 0
}

decided if {
	some d in lib.decisions
	object.get(d, "topic", "") == "integration-style"
	object.get(d, "status", "") != "rejected"
}

uses_async if count(lib.sync_dependencies) < count(lib.dependencies)

uses_async if count(lib.publishes) + count(lib.consumes) > 0

deny contains lib.finding(msg, path) if {
	applicable
	not decided
	not uses_async
	msg := sprintf(
		"all %d dependencies are called synchronously and no decision records the integration style",
		[count(lib.dependencies)],
	)
	path := "decisions"
}

# A message broker's protocol carries messages, not request and response:
# a dependency reached over it but declared synchronous misstates the style.
deny contains lib.finding(msg, path) if {
	some i, dep in lib.dependencies
	object.get(dep, "interaction", "") == "sync"
	protocol := object.get(dep, "protocol", "")
	protocol in {"amqp", "kafka"}
	msg := sprintf("dependency %q is reached over %s, a messaging protocol, yet declared synchronous", [dep.name, protocol])
	path := sprintf("dependencies[%d].interaction", [i])
}

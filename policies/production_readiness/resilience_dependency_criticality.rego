# METADATA
# title: Every dependency is classified as hard or soft
# description: |-
#   Whether the service can still do its job without a dependency decides
#   everything else about how it is called: hard dependencies need circuit
#   breakers, tight timeouts and a place in the availability budget, soft
#   ones need a degraded answer. A design that does not classify its
#   dependencies leaves that analysis undone, and in an incident nobody
#   knows which failures are survivable. Unclassified dependencies are
#   treated as hard by the other resilience rules.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp01.html
#     description: REL05-BP01 Implement graceful degradation to transform applicable hard dependencies into soft dependencies
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures
# custom:
#   id: PR209
#   severity: medium
#   level: reactive
#   check: presence
#   best_practices: [REL05-BP01]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     For each dependency ask whether a request can still succeed, perhaps in
#     a reduced form, while it is down, and record the answer as
#     `dependencies[].criticality: hard` or `soft`. Look for ways to turn
#     hard dependencies into soft ones.
#   applicability: The service declares at least one dependency.
#   example: |-
#     dependencies:
#       - name: payments
#         criticality: hard
#       - name: recommendations
#         criticality: soft
package archvet.rules.production_readiness.resilience_dependency_criticality

import rego.v1

import data.archvet.lib

applicable if count(lib.dependencies) > 0

# Any value the design states is a valid answer: the rule only asks.
deny := set()

unanswered contains lib.finding(msg, path) if {
	some i, dep in lib.dependencies
	object.get(dep, "criticality", null) == null
	msg := sprintf("the design does not say whether dependency %q is hard or soft", [dep.name])
	path := sprintf("dependencies[%d].criticality", [i])
}

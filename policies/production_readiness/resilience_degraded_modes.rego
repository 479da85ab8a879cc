# METADATA
# title: A critical service declares the degraded modes it can fall back to
# description: |-
#   Under a partial outage or an overload the best outcome is usually a
#   smaller service rather than none: checkout without recommendations,
#   search without personalisation, reads without writes. Such modes have to
#   be designed, built and rehearsed in advance, because nobody can invent
#   them safely in the middle of an incident. A tier 0 or 1 service should
#   list the features it is ready to drop; when some dependency's fallback
#   is to degrade a feature, that list is where the feature belongs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp01.html
#     description: REL05-BP01 Implement graceful degradation to transform applicable hard dependencies into soft dependencies
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (graceful degradation)
# custom:
#   id: PR214
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL05-BP01]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Decide which features the service can switch off or simplify to stay up
#     when a dependency fails or load exceeds capacity, build the switch for
#     each, test it, and list them in `capacity.degraded_modes`.
#   applicability: Tier 0 and 1 services.
#   example: |-
#     capacity:
#       degraded_modes:
#         - hide recommendations on the product page
#         - serve the catalogue read-only
package archvet.rules.production_readiness.resilience_degraded_modes

import rego.v1

import data.archvet.lib

applicable if lib.critical

no_degraded_modes if count(object.get(input, ["capacity", "degraded_modes"], [])) == 0

# Dependencies whose declared fallback is to drop a feature.
degrading_dependencies contains dep.name if {
	some dep in lib.dependencies
	object.get(dep, "fallback", null) == "degrade-feature"
}

deny contains lib.finding(msg, "capacity.degraded_modes") if {
	lib.critical
	no_degraded_modes
	count(degrading_dependencies) == 0
	msg := "the design declares no degraded modes for the service to fall back to under failure or overload"
}

deny contains lib.finding(msg, "capacity.degraded_modes") if {
	lib.critical
	no_degraded_modes
	count(degrading_dependencies) > 0
	names := [sprintf("%q", [name]) | some name in sort(degrading_dependencies)]
	msg := sprintf(
		"the design declares no degraded modes, yet the fallback of %s is to degrade a feature",
		[concat(", ", names)],
	)
}

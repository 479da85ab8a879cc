# METADATA
# title: The availability SLO fits under what the hard dependencies promise
# description: |-
#   A request that needs every one of its hard synchronous dependencies can
#   succeed only when all of them answer, so the service is at best as
#   available as the product of their promised availabilities. An
#   objective above that product is a promise the design cannot keep
#   unless it says how a failing dependency is survived: a fallback that
#   keeps the request alive (a cached response, a default value, a degraded
#   feature, queuing the work), or a redundant provider that can serve
#   instead. A dependency whose availability the design does not state
#   leaves the bound unknown; a third-party gateway promising 99.95% cannot
#   carry a 99.9999% objective.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_static_stability.html
#     description: REL11-BP05 Use static stability to prevent bimodal behavior
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp01.html
#     description: REL05-BP01 Implement graceful degradation to transform applicable hard dependencies into soft dependencies
#   - ref: https://sre.google/sre-book/embracing-risk/
#     description: Google SRE book, Embracing Risk
# custom:
#   id: PR231
#   severity: high
#   level: proactive
#   check: reasoning
#   best_practices: [REL11-BP05, REL05-BP01]
#   frameworks:
#     production-readiness: slos
#     well-architected: reliability
#   remediation: |-
#     State each hard dependency's promised availability
#     (`dependencies[].availability_percent`). Where their product is below
#     `slos[].objective_percent`, lower the objective, give the dependency a
#     fallback that keeps requests alive (`fallback: cached-response`,
#     `default-value`, `degrade-feature` or `queue-for-later`), or add a
#     redundant provider (`dependencies[].redundant_with`).
#   applicability: The service declares an availability SLO.
#   example: |-
#     slos:
#       - name: availability
#         sli: availability
#         objective_percent: 99.9
#     dependencies:
#       - name: payments
#         interaction: sync
#         criticality: hard
#         availability_percent: 99.99
#         fallback: fail-fast
#       - name: pricing
#         interaction: sync
#         criticality: hard
#         fallback: cached-response
package archvet.rules.production_readiness.resilience_availability_composition

import rego.v1

import data.archvet.lib

availability_slos contains [j, slo] if {
	some j, slo in lib.slos
	object.get(slo, "sli", "") == "availability"
}

applicable if count(availability_slos) > 0

surviving_fallbacks := {"cached-response", "default-value", "degrade-feature", "queue-for-later"}

# The design says how a request survives the dependency failing.
mitigated(dep) if object.get(dep, "fallback", "") in surviving_fallbacks

mitigated(dep) if lib.dependency_index[object.get(dep, "redundant_with", "")]

# A dependency another one names as its redundant provider.
mitigated(dep) if {
	some other in lib.dependencies
	object.get(other, "redundant_with", "") == dep.name
}

# Hard synchronous dependencies whose failure fails the request.
unmitigated contains [d, dep] if {
	some [d, dep] in lib.sync_dependencies
	lib.hard(dep)
	not mitigated(dep)
}

stated contains [d, dep] if {
	some [d, dep] in unmitigated
	is_number(object.get(dep, "availability_percent", null))
}

# Product of the stated availabilities, in percent: an upper bound on the
# service's own, which the unstated ones can only lower.
bound_percent := product([(dep.availability_percent / 100) | some [_, dep] in stated]) * 100

# Tolerance for the rounding of the product, far below any objective's precision.
epsilon := 0.0000001

deny contains lib.finding(msg, path) if {
	count(stated) > 0
	some [j, slo] in availability_slos
	slo.objective_percent > bound_percent + epsilon
	names := sort({sprintf("%q (%v%%)", [dep.name, dep.availability_percent]) | some [_, dep] in stated})
	msg := sprintf(
		"availability slo %q promises %v%%, above the %v%% that its hard dependencies %s allow together, and none has a fallback or a redundant provider",
		[slo.name, slo.objective_percent, round(bound_percent * 10000) / 10000, concat(", ", names)],
	)
	path := sprintf("slos[%d].objective_percent", [j])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	not failed
	some [d, dep] in unmitigated
	not is_number(object.get(dep, "availability_percent", null))
	msg := sprintf("the design does not say what availability hard dependency %q promises, nor how a request survives its failure", [dep.name])
	path := sprintf("dependencies[%d].availability_percent", [d])
}

unanswered contains lib.finding(msg, path) if {
	some [j, slo] in availability_slos
	not is_number(object.get(slo, "objective_percent", null))
	msg := sprintf("the design does not say what objective availability slo %q sets", [slo.name])
	path := sprintf("slos[%d].objective_percent", [j])
}

failed if count(deny) > 0

unanswered contains lib.finding(msg, "dependencies") if {
	applicable
	not "dependencies" in object.keys(input)
	msg := "the design does not say which dependencies the service calls, so the availability they allow cannot be computed"
}

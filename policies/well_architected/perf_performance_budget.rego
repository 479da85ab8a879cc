# METADATA
# title: A stated latency budget is no looser than the latency SLO
# description: |-
#   Without a number to meet, latency creeps up one dependency, one query
#   and one serialisation step at a time until users notice. A performance
#   budget states how long a request may take end to end inside the service,
#   so that design choices, reviews and load tests can be checked against
#   it. The latency target itself is PR402's (the latency SLO); this rule
#   judges only the budget a design states besides it, which must be at
#   least as tight as every latency SLO, or meeting it would still break the
#   promise made to users.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_process_culture_establish_key_performance_indicators.html
#     description: PERF05-BP01 Establish key performance indicators (KPIs) to measure workload health and performance
#   - ref: https://sre.google/sre-book/service-level-objectives/
#     description: Google SRE book, Service Level Objectives
# custom:
#   id: WA330
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [PERF05-BP01]
#   frameworks:
#     well-architected: performance-efficiency
#     production-readiness: capacity
#   remediation: |-
#     Set `capacity.performance_budget_ms` to the time a typical request may
#     spend in the service (for example the p99 target), no looser than the
#     `threshold_ms` of any latency SLO, and split it across the dependencies
#     on the request path.
#   applicability: The service offers at least one API and states a performance budget.
#   example: |-
#     apis:
#       - name: orders
#     slos:
#       - name: fast-orders
#         sli: latency
#         threshold_ms: 300
#     capacity:
#       performance_budget_ms: 250
package archvet.rules.well_architected.perf_performance_budget

import rego.v1

import data.archvet.lib

budget := object.get(input, ["capacity", "performance_budget_ms"], null)

# The latency target is PR402's question: a design without a budget is not
# asked for one here.
applicable if {
	count(lib.apis) > 0
	budget != null
}

deny contains lib.finding(msg, "capacity.performance_budget_ms") if {
	applicable
	budget != null
	some slo in lib.slos
	object.get(slo, "sli", "") == "latency"
	threshold := object.get(slo, "threshold_ms", null)
	threshold != null
	budget > threshold
	msg := sprintf("the latency budget of %v ms is looser than latency slo %q (%v ms)", [budget, slo.name, threshold])
}

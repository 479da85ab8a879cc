# METADATA
# title: The service declares an availability SLO
# description: |-
#   An availability objective is the shared, numeric answer to "is the service
#   up enough?". Without one, nobody can say whether last week's errors were
#   acceptable, alerting has nothing to measure against, and trade-offs
#   between shipping features and fixing reliability become arguments of
#   opinion. Every service that others rely on needs at least one SLO on the
#   share of requests or minutes it serves successfully.
# related_resources:
#   - ref: https://sre.google/sre-book/service-level-objectives/
#     description: Google SRE book, Service Level Objectives
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_service_level_agreements.html
#     description: REL11-BP07 Architect your product to meet availability targets and uptime service level agreements (SLAs)
# custom:
#   id: PR400
#   severity: high
#   level: reactive
#   frameworks:
#     production-readiness: slos
#     well-architected: reliability
#   remediation: |-
#     Add an entry to `slos` with `sli: availability`, an `objective_percent`
#     that fits the tier, a rolling `window_days`, an owner and an
#     error-budget policy. Measure it from what clients see (for example the
#     load balancer's success ratio), not from process health.
#   applicability: Services of tier 0 to 2; a tier-3 prototype or internal tool needs no SLO.
#   example: |-
#     slos:
#       - name: checkout-availability
#         sli: availability
#         objective_percent: 99.95
#         window_days: 28
#         owner: checkout-team
#         error_budget_policy: docs/slo/error-budget-policy.md
#         burn_rate_alerts: true
package archvet.rules.production_readiness.slo_availability_defined

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

availability_slos contains i if {
	some i, slo in lib.slos
	object.get(slo, "sli", "") == "availability"
}

unanswered contains lib.finding(msg, "slos") if {
	count(lib.slos) == 0
	msg := sprintf("the design declares no slos; a tier %d service needs at least an availability slo", [lib.tier])
}

deny contains lib.finding(msg, "slos") if {
	count(lib.slos) > 0
	count(availability_slos) == 0
	msg := "none of the declared slos measures availability"
}

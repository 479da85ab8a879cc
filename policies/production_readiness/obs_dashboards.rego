# METADATA
# title: The service has dashboards
# description: |-
#   Alerts say that something is wrong; dashboards let the person who was
#   paged see how wrong, since when, and whether it is this service or one
#   of its dependencies. A prepared dashboard showing the SLOs, the golden
#   signals and the main dependencies saves the first minutes of every
#   incident, and gives owners and stakeholders a shared view of health
#   between incidents.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_create_dashboards.html
#     description: OPS08-BP05 Create dashboards
#   - ref: https://sre.google/sre-book/monitoring-distributed-systems/
#     description: Google SRE book, Monitoring Distributed Systems
# custom:
#   id: PR418
#   best_practices: [OPS08-BP05]
#   severity: medium
#   check: presence
#   level: reactive
#   frameworks:
#     production-readiness: observability
#     well-architected: operational-excellence
#   remediation: |-
#     Build at least one service dashboard with the SLOs and their budgets,
#     the four golden signals and the health of each hard dependency, keep
#     it in version control next to the alerts, and list it in
#     `observability.dashboards`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     observability:
#       dashboards:
#         - dashboards/checkout-overview.json
package archvet.rules.production_readiness.obs_dashboards

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

deny contains lib.finding(msg, "observability.dashboards") if {
	applicable
	input.observability.dashboards == []
	msg := "the design lists an empty set of dashboards for the service"
}

unanswered contains lib.finding("the design does not list dashboards for the service", "observability.dashboards") if {
	applicable
	not is_array(object.get(input, ["observability", "dashboards"], null))
}

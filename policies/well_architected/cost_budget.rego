# METADATA
# title: The service has a monthly cost budget
# description: |-
#   Cloud spend grows with every new replica, log line and data copy, and
#   nobody notices until the invoice arrives if there is nothing to compare
#   it with. A monthly budget per service turns cost into a design input the
#   owning team can reason about, forecast and defend, and it is the
#   baseline that budget alerts and cost reviews need.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_cloud_financial_management_budget_forecast.html
#     description: COST01-BP03 Establish cloud budgets and forecasts
# custom:
#   id: WA350
#   severity: medium
#   level: proactive
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Estimate the service's monthly spend (compute, storage, data transfer,
#     managed services, observability), agree it with whoever pays, and record
#     it as `cost.monthly_budget_usd`.
#   applicability: Every service.
#   example: |-
#     cost:
#       monthly_budget_usd: 4500
package archvet.rules.well_architected.cost_budget

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "cost.monthly_budget_usd") if {
	lib.get(input, ["cost", "monthly_budget_usd"], null) == null
	msg := "the design does not set a monthly cost budget for the service"
}

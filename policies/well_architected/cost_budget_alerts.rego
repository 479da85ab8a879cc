# METADATA
# title: Spending above budget raises an alert
# description: |-
#   A budget nobody is warned about is a number in a spreadsheet. Runaway
#   autoscaling, a forgotten load-test fleet or a logging loop can burn a
#   month's budget in days; an alert on actual and forecast spend lets the
#   owning team react while the damage is still small rather than when the
#   invoice lands.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_govern_usage_controls.html
#     description: COST02-BP05 Implement cost controls
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_cloud_financial_management_proactive_process.html
#     description: COST01-BP06 Monitor cost proactively
# custom:
#   id: WA353
#   severity: medium
#   level: proactive
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Create budget alerts (for example AWS Budgets, GCP budget alerts or a
#     FinOps tool) on actual and forecast spend against
#     `cost.monthly_budget_usd`, routed to the owning team, plus cost anomaly
#     detection; then set `cost.budget_alerts: true`.
#   applicability: Every service.
#   example: |-
#     cost:
#       monthly_budget_usd: 4500
#       budget_alerts: true
package archvet.rules.well_architected.cost_budget_alerts

import rego.v1

import data.archvet.lib

alerts := lib.get(input, ["cost", "budget_alerts"], null)

deny contains lib.finding(msg, "cost.budget_alerts") if {
	alerts == false
	msg := "spending above budget raises no alert"
}

deny contains lib.finding(msg, "cost.budget_alerts") if {
	alerts == null
	msg := "the design does not say whether spending above budget raises an alert"
}

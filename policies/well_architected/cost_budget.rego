# METADATA
# title: The service has a monthly cost budget, and spending above it raises an alert
# description: |-
#   Cloud spend grows with every new replica, log line and data copy, and
#   nobody notices until the invoice arrives if there is nothing to compare
#   it with. A monthly budget per service turns cost into a design input the
#   owning team can reason about, forecast and defend. A budget nobody is
#   warned about is a number in a spreadsheet, though: runaway autoscaling
#   or a logging loop can burn a month's budget in days, so the budget and
#   the alert on it are one control and are judged together.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_cloud_financial_management_budget_forecast.html
#     description: COST01-BP03 Establish cloud budgets and forecasts
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_govern_usage_controls.html
#     description: COST02-BP05 Implement cost controls
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_cloud_financial_management_proactive_process.html
#     description: COST01-BP06 Monitor cost proactively
# custom:
#   id: WA350
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [COST01-BP03, COST02-BP05, COST01-BP06]
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Estimate the service's monthly spend (compute, storage, data transfer,
#     managed services, observability), agree it with whoever pays, record it
#     as `cost.monthly_budget_usd`, create alerts on actual and forecast spend
#     against it routed to the owning team, and set `cost.budget_alerts: true`.
#   applicability: Every service.
#   example: |-
#     cost:
#       monthly_budget_usd: 4500
#       budget_alerts: true
package archvet.rules.well_architected.cost_budget

import rego.v1

import data.archvet.lib

budget := object.get(input, ["cost", "monthly_budget_usd"], null)

alerts := object.get(input, ["cost", "budget_alerts"], null)

unanswered contains lib.finding(msg, "cost.monthly_budget_usd") if {
	budget == null
	msg := "the design does not set a monthly cost budget for the service"
}

unanswered contains lib.finding(msg, "cost.budget_alerts") if {
	alerts == null
	msg := "the design does not say whether spending above budget raises an alert"
}

deny contains lib.finding(msg, "cost.monthly_budget_usd") if {
	budget == 0
	msg := "the monthly budget is 0 USD, which no running service meets; set the spend actually agreed"
}

deny contains lib.finding(msg, "cost.budget_alerts") if {
	alerts == false
	msg := "spending above budget raises no alert"
}

# Alerts claimed against a budget the design never sets compare spend with
# nothing.
deny contains lib.finding(msg, "cost.budget_alerts") if {
	alerts == true
	budget == null
	msg := "budget alerts are claimed but no monthly budget is set for them to compare with"
}

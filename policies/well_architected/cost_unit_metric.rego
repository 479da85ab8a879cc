# METADATA
# title: Cost is tracked per unit of business value
# description: |-
#   A rising bill is good news if orders rose faster, and bad news if they
#   did not; total spend alone cannot tell the two apart. A unit cost metric
#   such as cost per order, per active user or per thousand requests ties
#   spend to the value the service delivers, shows whether efficiency work
#   paid off, and lets growth be planned in money as well as in capacity.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_monitor_usage_define_kpi.html
#     description: COST03-BP04 Establish organization metrics
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_monitor_usage_allocate_outcome.html
#     description: COST03-BP06 Allocate costs based on workload metrics
# custom:
#   id: WA354
#   severity: low
#   level: strategic
#   check: presence
#   best_practices: [COST03-BP04, COST03-BP06]
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Pick the business unit the service exists to deliver, divide the
#     service's allocated cost by it on a regular report, and record the
#     metric as `cost.unit_metric` (for example "cost per order").
#   applicability: Services of tier 0 to 2 (not prototypes).
#   example: |-
#     cost:
#       unit_metric: cost per 1000 orders
package archvet.rules.well_architected.cost_unit_metric

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

metric := trim_space(object.get(input, ["cost", "unit_metric"], ""))

unanswered contains lib.finding(msg, "cost.unit_metric") if {
	applicable
	metric == ""
	msg := "the design does not say by which unit of business value the service's cost is tracked"
}

deny contains lib.finding(msg, "cost.unit_metric") if {
	applicable
	lower(metric) == "none"
	msg := "the service's cost is not tracked per any unit of business value"
}

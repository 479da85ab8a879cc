# METADATA
# title: The service's costs are attributed to a cost center
# description: |-
#   Spend that belongs to nobody is optimised by nobody. Naming the cost
#   center that pays for the service lets finance allocate its bill, lets
#   the business weigh its cost against the value it delivers, and gives
#   cost anomalies an obvious owner to notify.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_monitor_usage_define_attribution.html
#     description: COST03-BP03 Identify cost attribution categories
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_cloud_financial_management_function.html
#     description: COST01-BP01 Establish ownership of cost optimization
# custom:
#   id: WA351
#   severity: low
#   level: reactive
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Agree with finance which cost center pays for the service and record it
#     as `cost.cost_center`; use the same value in resource tags.
#   applicability: Every service.
#   example: |-
#     cost:
#       cost_center: CC-4711
package archvet.rules.well_architected.cost_center

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, "cost.cost_center") if {
	trim_space(lib.get(input, ["cost", "cost_center"], "")) == ""
	msg := "the design does not say which cost center pays for the service"
}

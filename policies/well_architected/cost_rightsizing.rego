# METADATA
# title: Resource sizes are reviewed against actual use
# description: |-
#   Services are usually sized for a launch-day guess plus a safety margin,
#   and the sizes are rarely touched again. Instances, containers and
#   databases running at a small fraction of their CPU and memory are money
#   spent on nothing. Comparing requested sizes with observed utilisation,
#   regularly or automatically, returns that money without touching the
#   service's reliability.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_type_size_number_resources_data.html
#     description: COST06-BP02 Select resource type, size, and number based on data
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_type_size_number_resources_metrics.html
#     description: COST06-BP03 Select resource type, size, and number automatically based on metrics
# custom:
#   id: WA356
#   severity: medium
#   level: proactive
#   check: presence
#   best_practices: [COST06-BP02, COST06-BP03]
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Review instance types, container requests and database sizes against
#     utilisation metrics (for example with Compute Optimizer or a vertical
#     pod autoscaler in recommendation mode) on a schedule, apply the
#     changes, and set `cost.rightsizing: true`.
#   applicability: Every service.
#   example: |-
#     cost:
#       rightsizing: true
package archvet.rules.well_architected.cost_rightsizing

import rego.v1

import data.archvet.lib

rightsizing := object.get(input, ["cost", "rightsizing"], null)

deny contains lib.finding(msg, "cost.rightsizing") if {
	rightsizing == false
	msg := "resource sizes are not reviewed against actual use"
}

unanswered contains lib.finding(msg, "cost.rightsizing") if {
	rightsizing == null
	msg := "the design does not say whether resource sizes are reviewed against actual use"
}

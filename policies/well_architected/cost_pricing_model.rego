# METADATA
# title: Steady production workloads use committed or discounted pricing
# description: |-
#   A production service that runs around the clock has a baseline that
#   will still be there next year, and paying on-demand rates for it leaves
#   a large discount unused. Reserved capacity or savings plans for the
#   steady baseline, with on-demand or spot capacity above it, typically cut
#   compute cost substantially without changing the architecture.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_pricing_model_analysis.html
#     description: COST07-BP01 Perform pricing model analysis
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_pricing_model_implement_models.html
#     description: COST07-BP04 Implement pricing models for all components of this workload
# custom:
#   id: WA357
#   severity: medium
#   level: strategic
#   check: threshold
#   best_practices: [COST07-BP01, COST07-BP04]
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Measure the service's always-on baseline, cover it with reserved
#     instances or a savings plan, use spot capacity for interruptible work,
#     keep on-demand for the variable part, and set `cost.pricing` to
#     `reserved`, `savings-plan`, `spot` or `mixed`.
#   applicability: |-
#     Production services of tier 0 to 2 that keep at least one instance running (min_replicas
#     is not 0) and do not run on a serverless platform.
#   example: |-
#     processes:
#       scaling:
#         min_replicas: 3
#     cost:
#       pricing: mixed
package archvet.rules.well_architected.cost_pricing_model

import rego.v1

import data.archvet.lib

applicable if {
	lib.tier <= 2
	lib.production
	object.get(input, ["deployment", "platform"], "") != "serverless"
	object.get(input, ["processes", "scaling", "min_replicas"], 1) > 0
}

pricing := object.get(input, ["cost", "pricing"], "")

deny contains lib.finding(msg, "cost.pricing") if {
	applicable
	pricing == "on-demand"
	msg := "all capacity of this always-on production service is bought on demand"
}

unanswered contains lib.finding(msg, "cost.pricing") if {
	applicable
	pricing == ""
	msg := "the design does not say how the service's capacity is purchased"
}

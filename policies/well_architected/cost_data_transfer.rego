# METADATA
# title: A design that spans zones or regions prices the data it moves between them
# description: |-
#   Traffic inside one zone is usually free; traffic between zones, between
#   regions and out to the internet is billed per gigabyte, in both
#   directions for many services. Synchronous replicas in other zones,
#   cross-region copies and chatty calls across zones can make data
#   transfer one of the largest lines of the bill, and it grows with load,
#   not with the instances anyone sizes. A design that spreads across zones
#   or regions should estimate that cost, and the estimate has to fit the
#   service's budget with room left for compute and storage.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_data_transfer_modeling.html
#     description: COST08-BP01 Perform data transfer modeling
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_data_transfer_optimized_components.html
#     description: COST08-BP02 Select components to optimize data transfer cost
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_data_a8.html
#     description: SUS04-BP07 Minimize data movement across networks
# custom:
#   id: WA403
#   severity: low
#   level: proactive
#   check: reasoning
#   best_practices: [COST08-BP01, COST08-BP02]
#   params:
#     max_data_transfer_share_percent:
#       description: largest share of the monthly budget data transfer may take, in percent
#       value: 30
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Model the bytes that cross zones, regions and the internet (replication,
#     calls, responses), price them, and record the monthly figure as
#     `cost.data_transfer_monthly_usd`. If it takes too large a share of
#     `cost.monthly_budget_usd`, keep traffic zone-local, compress it,
#     replicate less, or raise the budget.
#   applicability: The service runs in more than one zone or region, or replicates a store across zones or regions.
#   example: |-
#     deployment:
#       regions: [eu-west-1]
#       availability_zones: 3
#     cost:
#       monthly_budget_usd: 4500
#       data_transfer_monthly_usd: 600
package archvet.rules.well_architected.cost_data_transfer

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

spans contains "zones" if object.get(input, ["deployment", "availability_zones"], 1) > 1

spans contains "zones" if object.get(input, ["disaster_recovery", "multi_az"], null) == true

spans contains "regions" if count(object.get(input, ["deployment", "regions"], [])) > 1

spans contains "regions" if {
	some store in lib.data_stores
	object.get(store, ["replication", "cross_region"], null) == true
}

applicable if count(spans) > 0

transfer := object.get(input, ["cost", "data_transfer_monthly_usd"], null)

budget := object.get(input, ["cost", "monthly_budget_usd"], null)

where := concat(" and ", sort(spans))

deny contains lib.finding(msg, "cost.data_transfer_monthly_usd") if {
	applicable
	transfer != null
	budget != null
	budget > 0
	transfer * 100 > budget * params.max_data_transfer_share_percent
	msg := sprintf(
		"data transfer between %s is estimated at %v usd a month, more than %v%% of the %v usd budget",
		[where, transfer, params.max_data_transfer_share_percent, budget],
	)
}

# Moving data between regions is never free: an estimate of nothing means
# the traffic was not modelled.
deny contains lib.finding(msg, "cost.data_transfer_monthly_usd") if {
	"regions" in spans
	transfer == 0
	msg := "data crosses regions, yet its transfer cost is estimated at 0 usd"
}

unanswered contains lib.finding(msg, "cost.data_transfer_monthly_usd") if {
	applicable
	transfer == null
	msg := sprintf("the design does not say what moving data between %s costs each month", [where])
}

# METADATA
# title: The service's cost was reviewed recently (within the tier's limit)
# description: |-
#   Cost efficiency decays: traffic shifts, features are retired while their
#   resources stay, and providers release cheaper instance families and
#   pricing options every few months. A review at least twice a year,
#   comparing spend with budget and usage, is when idle resources get
#   deleted and sizing and pricing choices get revisited.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_evaluate_new_services_review_workload.html
#     description: COST10-BP02 Review and analyze this workload regularly
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_evaluate_new_services_review_process.html
#     description: COST10-BP01 Develop a workload review process
# custom:
#   id: WA355
#   severity: low
#   level: proactive
#   check: threshold
#   best_practices: [COST10-BP02, COST10-BP01]
#   params:
#     max_review_age_days:
#       description: longest time since the last cost review
#       tiers: [90, 180, 180, 365]
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Hold a cost review with the owning team at least every 180 days
#     (spend against budget, unit cost, idle and oversized resources, pricing
#     commitments), track the actions, and record the date in
#     `cost.last_review`.
#   applicability: Every service.
#   example: |-
#     cost:
#       last_review: "2026-09-01"
package archvet.rules.well_architected.cost_review

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

day_ns := ((24 * 60) * 60) * 1000000000

max_age_days := params.max_review_age_days

last := object.get(input, ["cost", "last_review"], "")

unanswered contains lib.finding(msg, "cost.last_review") if {
	last == ""
	msg := "the design does not record a cost review"
}

deny contains lib.finding(msg, "cost.last_review") if {
	last != ""
	age := (time.now_ns() - time.parse_ns("2006-01-02", last)) / day_ns
	age > max_age_days
	msg := sprintf("the last cost review was on %s, more than %d days ago", [last, max_age_days])
}

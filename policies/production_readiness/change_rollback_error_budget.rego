# METADATA
# title: Detecting and rolling back a bad release fits well inside the error budget
# description: |-
#   A bad release is the most common incident, and rolling it back is the
#   usual cure. Such an incident lasts at least as long as it takes to notice
#   it and then to roll back, and every minute of it spends error budget. The
#   recovery time objective is the wrong yardstick: it is sized for disasters,
#   while bad releases come every window. If time-to-detect plus rollback
#   time is larger than a share of the budget of an availability SLO, a
#   single bad release spends the window's budget and the SLO is not one the
#   service can keep.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_plan_for_unsucessful_changes.html
#     description: OPS06-BP01 Plan for unsuccessful changes
#   - ref: https://sre.google/sre-book/embracing-risk/
#     description: Google SRE book, Embracing Risk (error budgets)
#   - ref: https://sre.google/sre-book/release-engineering/
#     description: Google SRE book, Release Engineering
# custom:
#   id: PR447
#   severity: medium
#   tier_severity: [high, medium, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [OPS06-BP01]
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   params:
#     max_budget_share_percent:
#       description: largest share of an availability SLO's error budget that detecting and rolling back one bad release may use, in percent
#       tiers: [50, 50, 75, 100]
#   remediation: |-
#     Measure how long rolling back a release takes end to end (decision,
#     pipeline, drain, warm-up) and record it in
#     `deployment.rollback.max_minutes`, with the detection target in
#     `operations.time_to_detect_minutes`. Their sum must fit the allowed
#     share of each availability SLO's budget, (100 - objective_percent) / 100
#     x window_days x 1440 minutes: roll back faster (previous version kept
#     warm, blue-green switch, automatic rollback on burn), detect sooner, or
#     agree a lower objective.
#   applicability: Services with an availability SLO that states its objective and window.
#   example: |-
#     operations:
#       time_to_detect_minutes: 3
#     deployment:
#       rollback:
#         max_minutes: 5
#     slos:
#       - name: availability
#         sli: availability
#         objective_percent: 99.95
#         window_days: 28
package archvet.rules.production_readiness.change_rollback_error_budget

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

rollback := object.get(input, ["deployment", "rollback", "max_minutes"], null)

detect := object.get(input, ["operations", "time_to_detect_minutes"], null)

availability_slos contains slo if {
	some slo in lib.slos
	object.get(slo, "sli", "") == "availability"
	is_number(object.get(slo, "objective_percent", null))
	is_number(object.get(slo, "window_days", null))
}

applicable if count(availability_slos) > 0

# allowed is the share of an SLO's budget one incident may use, in minutes,
# rounded to a thousandth of a minute so that float noise cannot decide.
allowed(slo) := round((((100 - slo.objective_percent) * slo.window_days) * 144) * params.max_budget_share_percent) / 1000

unanswered contains lib.finding("the design does not say how long rolling back a release takes", "deployment.rollback.max_minutes") if {
	applicable
	rollback == null
}

unanswered contains lib.finding(msg, "operations.time_to_detect_minutes") if {
	applicable
	is_number(rollback)
	detect == null
	msg := "the design does not say how soon a bad release is detected, so detection plus rollback cannot be compared with the error budget"
}

# The rollback alone is too slow; the detection time cannot save it.
deny contains lib.finding(msg, "deployment.rollback.max_minutes") if {
	applicable
	is_number(rollback)
	some slo in availability_slos
	rollback > allowed(slo)
	msg := sprintf(
		"rolling back takes %v minutes, more than the %v minutes (%v%% of the error budget) slo %q allows one bad release",
		[rollback, allowed(slo), params.max_budget_share_percent, slo.name],
	)
}

deny contains lib.finding(msg, "operations.time_to_detect_minutes") if {
	applicable
	is_number(rollback)
	is_number(detect)
	some slo in availability_slos
	rollback <= allowed(slo)
	detect + rollback > allowed(slo)
	msg := sprintf(
		"detecting a bad release (%v minutes) and rolling it back (%v minutes) takes longer than the %v minutes (%v%% of the error budget) slo %q allows",
		[detect, rollback, allowed(slo), params.max_budget_share_percent, slo.name],
	)
}

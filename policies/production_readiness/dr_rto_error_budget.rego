# METADATA
# title: One disaster fits well inside the error budget of every availability SLO
# description: |-
#   An availability objective over a window leaves an error budget: 99.99%
#   over 30 days allows about 4.3 minutes of downtime. A recovery time
#   objective is the downtime the design accepts for one disaster. When the
#   RTO is larger than the budget, the first disaster breaks the SLO on its
#   own, so at least one of the two numbers is not a real promise. A reviewer
#   asks that one recovery uses only a share of the budget, leaving room for
#   the bad releases and small incidents every window brings.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_objective_defined_recovery.html
#     description: REL13-BP01 Define recovery objectives for downtime and data loss
#   - ref: https://sre.google/sre-book/embracing-risk/
#     description: Google SRE book, Embracing Risk (error budgets)
# custom:
#   id: PR330
#   severity: high
#   tier_severity: [high, high, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [REL13-BP01]
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   params:
#     max_budget_share_percent:
#       description: largest share of an availability SLO's error budget one recovery (the RTO) may use, in percent
#       tiers: [50, 50, 75, 100]
#   remediation: |-
#     Compute each availability SLO's budget, (100 - objective_percent) / 100
#     x window_days x 1440 minutes, and bring `disaster_recovery.rto_minutes`
#     under the allowed share of it: a faster recovery strategy (warm standby,
#     active-active), or a lower objective agreed with the business owner.
#   applicability: |-
#     The service declares an availability SLO.
#   example: |-
#     disaster_recovery:
#       rto_minutes: 10
#     slos:
#       - name: availability
#         sli: availability
#         objective_percent: 99.95
#         window_days: 28
package archvet.rules.production_readiness.dr_rto_error_budget

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

rto := object.get(input, ["disaster_recovery", "rto_minutes"], null)

availability_slos contains [i, slo] if {
	some i, slo in lib.slos
	object.get(slo, "sli", "") == "availability"
}

# budget_minutes is the downtime an objective allows over its window,
# rounded to a thousandth of a minute so that float noise cannot decide.
budget_minutes(slo) := round(((100 - slo.objective_percent) * slo.window_days) * 14400) / 1000 if {
	is_number(slo.objective_percent)
	is_number(slo.window_days)
}

applicable if count(availability_slos) > 0

unanswered contains lib.finding("the design does not define a recovery time objective to compare with the error budget", "disaster_recovery.rto_minutes") if {
	applicable
	rto == null
}

unanswered contains lib.finding(msg, path) if {
	some [i, slo] in availability_slos
	some field in ["objective_percent", "window_days"]
	object.get(slo, field, null) == null
	msg := sprintf(
		"the design does not say the %s of availability slo %q, so its error budget cannot be computed",
		[field, object.get(slo, "name", "unnamed")],
	)
	path := sprintf("slos[%d].%s", [i, field])
}

deny contains lib.finding(msg, "disaster_recovery.rto_minutes") if {
	is_number(rto)
	share := params.max_budget_share_percent
	some [_, slo] in availability_slos
	budget := budget_minutes(slo)
	rto > round((budget * share) * 10) / 1000
	msg := sprintf(
		"the %v-minute rto is more than %v%% of the %.1f-minute error budget of slo %q (%v%% over %v days), so one disaster breaks the slo",
		[rto, share, budget, object.get(slo, "name", "unnamed"), slo.objective_percent, slo.window_days],
	)
}

# METADATA
# title: A disaster recovery strategy and plan exist and can meet the RTO
# description: |-
#   Knowing the recovery objectives is not the same as being able to meet
#   them. The team must choose how it will recover from losing a region or its
#   data (restore from backup, a pilot light, a warm standby or active-active)
#   and write the steps down before the day they are needed. The choice also
#   has to be able to meet the stated RTO: rebuilding from backups takes
#   hours, so it cannot honour a one-hour objective, however well rehearsed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_disaster_recovery.html
#     description: REL13-BP02 Use defined recovery strategies to meet the recovery objectives
#   - ref: https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html
#     description: AWS whitepaper, Disaster recovery options in the cloud
# custom:
#   id: PR309
#   best_practices: [REL13-BP02]
#   severity: high
#   check: reasoning
#   level: proactive
#   params:
#     backup_restore_recovery_minutes:
#       description: shortest RTO a backup-restore strategy can be trusted to meet, in minutes
#       value: 240
#     pilot_light_recovery_minutes:
#       description: shortest RTO a pilot-light strategy can be trusted to meet, in minutes
#       value: 30
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Pick a strategy whose recovery time fits `disaster_recovery.rto_minutes`
#     (backup-restore takes hours, a pilot light tens of minutes, a warm
#     standby minutes, active-active close to none), record it in
#     `disaster_recovery.strategy`, and link the step-by-step plan in
#     `disaster_recovery.plan`.
#   applicability: Services of tier 0, 1 or 2.
#   example: |-
#     disaster_recovery:
#       rto_minutes: 30
#       strategy: warm-standby
#       plan: docs/dr-plan.md
package archvet.rules.production_readiness.dr_strategy

import rego.v1

import data.archvet.lib

dr := object.get(input, "disaster_recovery", {})

params := lib.params(rego.metadata.chain())

# The shortest RTO each strategy can realistically meet, in minutes. The
# defaults are deliberately generous lower bounds, not targets; the
# recovery time of a strategy does not depend on the tier.
fastest_recovery := {
	"backup-restore": params.backup_restore_recovery_minutes,
	"pilot-light": params.pilot_light_recovery_minutes,
}

applicable if lib.tier <= 2

unanswered contains lib.finding("the design does not name a disaster recovery strategy", "disaster_recovery.strategy") if {
	lib.tier <= 2
	object.get(dr, "strategy", null) == null
}

unanswered contains lib.finding("the design does not link a disaster recovery plan", "disaster_recovery.plan") if {
	lib.tier <= 2
	object.get(dr, "plan", "") == ""
}

deny contains lib.finding(msg, "disaster_recovery.strategy") if {
	lib.tier <= 2
	strategy := object.get(dr, "strategy", null)
	rto := object.get(dr, "rto_minutes", null)
	rto != null
	rto < fastest_recovery[strategy]
	msg := sprintf(
		"a %s strategy rarely recovers in under %v minutes, so it cannot meet the %v-minute rto",
		[strategy, fastest_recovery[strategy], rto],
	)
}

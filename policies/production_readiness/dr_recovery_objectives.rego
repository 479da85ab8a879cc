# METADATA
# title: Recovery time and recovery point objectives are defined and fit the tier
# description: |-
#   Every recovery decision (how backups are taken, whether a standby runs,
#   how fast a failover must be) follows from two numbers: how long the
#   service may be down after a disaster (RTO) and how much recent data it may
#   lose (RPO). Without them the team cannot tell whether its design is
#   enough, and the business discovers its real expectations during the
#   outage. The numbers must also match the service's criticality; a tier 0
#   service that accepts a day of data loss is not tier 0 in practice. The
#   RTO ceilings stay inside the monthly error budget of the lowest
#   availability objective PR401 accepts at each tier, so one disaster
#   cannot by itself break the SLO the tier promises.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_objective_defined_recovery.html
#     description: REL13-BP01 Define recovery objectives for downtime and data loss
#   - ref: https://sre.google/sre-book/data-integrity/
#     description: Google SRE book, Data Integrity
# custom:
#   id: PR305
#   severity: high
#   tier_severity: [high, high, medium, low]
#   level: reactive
#   check: threshold
#   best_practices: [REL13-BP01]
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   params:
#     max_rto_minutes:
#       description: longest recovery time objective accepted, in minutes (inside the 30-day budget of PR401's minimum SLO)
#       tiers: [30, 180, 360, 1440]
#     max_rpo_minutes:
#       description: longest recovery point objective accepted, in minutes
#       tiers: [15, 60, 1440, 1440]
#   remediation: |-
#     Agree the objectives with the business owner and record them as
#     `disaster_recovery.rto_minutes` and `disaster_recovery.rpo_minutes`.
#     Default ceilings, RTO / RPO in minutes: tier 0 at most 30 / 15,
#     tier 1 at most 180 / 60, tier 2 at most 360 / 1440, tier 3 at most
#     1440 / 1440. If the business truly accepts more, lower the tier.
#   applicability: Every service.
#   example: |-
#     disaster_recovery:
#       rto_minutes: 30
#       rpo_minutes: 5
package archvet.rules.production_readiness.dr_recovery_objectives

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

objectives := {
	"rto_minutes": {"name": "recovery time objective", "param": "max_rto_minutes"},
	"rpo_minutes": {"name": "recovery point objective", "param": "max_rpo_minutes"},
}

unanswered contains lib.finding(msg, path) if {
	some field, objective in objectives
	object.get(input, ["disaster_recovery", field], null) == null
	msg := sprintf("the design does not define a %s", [objective.name])
	path := sprintf("disaster_recovery.%s", [field])
}

deny contains lib.finding(msg, path) if {
	some field, objective in objectives
	value := object.get(input, ["disaster_recovery", field], null)
	is_number(value)
	ceiling := params[objective.param]
	value > ceiling
	msg := sprintf("the %s of %v minutes is longer than the %v minutes a tier %d service should accept", [objective.name, value, ceiling, lib.tier])
	path := sprintf("disaster_recovery.%s", [field])
}

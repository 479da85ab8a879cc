# METADATA
# title: Recovery time and recovery point objectives are defined and fit the tier
# description: |-
#   Every recovery decision (how backups are taken, whether a standby runs,
#   how fast a failover must be) follows from two numbers: how long the
#   service may be down after a disaster (RTO) and how much recent data it may
#   lose (RPO). Without them the team cannot tell whether its design is
#   enough, and the business discovers its real expectations during the
#   outage. The numbers must also match the service's criticality; a tier 0
#   service that accepts a day of data loss is not tier 0 in practice.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_objective_defined_recovery.html
#     description: REL13-BP01 Define recovery objectives for downtime and data loss
#   - ref: https://sre.google/sre-book/data-integrity/
#     description: Google SRE book, Data Integrity
# custom:
#   id: PR305
#   severity: high
#   level: reactive
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Agree the objectives with the business owner and record them as
#     `disaster_recovery.rto_minutes` and `disaster_recovery.rpo_minutes`.
#     Ceilings used here, RTO / RPO in minutes: tier 0 at most 60 / 15,
#     tier 1 at most 240 / 60, tier 2 at most 1440 / 1440; tier 3 only has to
#     state them. If the business truly accepts more, lower the tier.
#   applicability: Every service.
#   example: |-
#     disaster_recovery:
#       rto_minutes: 30
#       rpo_minutes: 5
package archvet.rules.production_readiness.dr_recovery_objectives

import rego.v1

import data.archvet.lib

# The longest recovery time and data-loss window each tier may accept.
# Tier 3 has no ceiling.
max_minutes := {
	"rto_minutes": {0: 60, 1: 240, 2: 1440},
	"rpo_minutes": {0: 15, 1: 60, 2: 1440},
}

objective_names := {
	"rto_minutes": "recovery time objective",
	"rpo_minutes": "recovery point objective",
}

deny contains lib.finding(msg, path) if {
	some field, name in objective_names
	lib.get(input, ["disaster_recovery", field], null) == null
	msg := sprintf("the design does not define a %s", [name])
	path := sprintf("disaster_recovery.%s", [field])
}

deny contains lib.finding(msg, path) if {
	some field, name in objective_names
	value := lib.get(input, ["disaster_recovery", field], null)
	value != null
	ceiling := max_minutes[field][lib.tier]
	value > ceiling
	msg := sprintf("the %s of %v minutes is longer than the %v minutes a tier %d service should accept", [name, value, ceiling, lib.tier])
	path := sprintf("disaster_recovery.%s", [field])
}

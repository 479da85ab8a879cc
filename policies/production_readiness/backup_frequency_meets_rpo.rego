# METADATA
# title: Backups are taken often enough to meet the recovery point objective
# description: |-
#   The recovery point objective promises how much recent data can be lost.
#   If the only way back is a snapshot taken every 24 hours, the real loss
#   after a corruption or deletion can be a full day, whatever the design
#   document says. Each source-data store must either support point-in-time
#   recovery or be backed up at least as often as the RPO, or the stated
#   objective is not one the system can keep.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_objective_defined_recovery.html
#     description: REL13-BP01 Define recovery objectives for downtime and data loss
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_automated_backups_data.html
#     description: REL09-BP03 Perform data backup automatically
# custom:
#   id: PR306
#   severity: high
#   level: proactive
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     For each store either enable point-in-time recovery
#     (`backups.point_in_time: true`) or schedule backups so that
#     `backups.frequency_hours` times 60 is no more than
#     `disaster_recovery.rpo_minutes`. If neither is affordable, renegotiate the
#     RPO with the business owner.
#   applicability: |-
#     The design states an RPO and has a source-data store with backups
#     enabled (queues excluded).
#   example: |-
#     disaster_recovery:
#       rpo_minutes: 15
#     data_stores:
#       - name: orders-db
#         kind: relational
#         backups:
#           enabled: true
#           frequency_hours: 24
#           point_in_time: true
#       - name: invoices
#         kind: object
#         backups:
#           enabled: true
#           frequency_hours: 0.25
package archvet.rules.production_readiness.backup_frequency_meets_rpo

import rego.v1

import data.archvet.lib

rpo := lib.get(input, ["disaster_recovery", "rpo_minutes"], null)

# Stores that rely on periodic backups alone to meet the RPO.
snapshot_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	lib.get(store, "kind", "") != "queue"
	lib.get(store, ["backups", "enabled"], false) == true
	lib.get(store, ["backups", "point_in_time"], false) != true
}

applicable if {
	rpo != null
	some [_, store] in lib.durable_stores
	lib.get(store, "kind", "") != "queue"
	lib.get(store, ["backups", "enabled"], false) == true
}

deny contains lib.finding(msg, path) if {
	rpo != null
	some [i, store] in snapshot_stores
	lib.get(store, ["backups", "frequency_hours"], null) == null
	msg := sprintf("the design does not say how often data store %q is backed up, so the %v-minute rpo cannot be checked", [store.name, rpo])
	path := sprintf("data_stores[%d].backups.frequency_hours", [i])
}

deny contains lib.finding(msg, path) if {
	rpo != null
	some [i, store] in snapshot_stores
	hours := lib.get(store, ["backups", "frequency_hours"], null)
	hours != null
	hours * 60 > rpo
	msg := sprintf("data store %q is backed up every %v hours without point-in-time recovery, so it can lose more than the %v-minute rpo", [store.name, hours, rpo])
	path := sprintf("data_stores[%d].backups.frequency_hours", [i])
}

# METADATA
# title: Tier 0 backups are copied to another region
# description: |-
#   Backups kept in the same region as the data share its fate: a regional
#   outage, a provider-side incident or an attacker who gains control of the
#   account's primary region can take both away at once. A tier 0 service must
#   be able to rebuild its data somewhere else, which needs copies of every
#   backup in a second region. Cross-region replicas are not a substitute,
#   because they faithfully replicate deletes and corruption.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_identified_backups_data.html
#     description: REL09-BP01 Identify and back up all data that needs to be backed up, or reproduce the data from sources
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_disaster_recovery.html
#     description: REL13-BP02 Use defined recovery strategies to meet the recovery objectives
# custom:
#   id: PR304
#   best_practices: [REL09-BP01, REL13-BP02]
#   severity: high
#   check: presence
#   level: strategic
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Copy every backup (snapshots and, where used, the point-in-time log) to a
#     second region, ideally into a separate account with restricted delete
#     rights, and record `data_stores[].backups.cross_region: true`. Check that
#     the copy region is allowed by `data.residency`.
#   applicability: Tier 0 services with a source-data store (queues excluded).
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         backups:
#           enabled: true
#           cross_region: true
package archvet.rules.production_readiness.backup_cross_region

import rego.v1

import data.archvet.lib

backed_up_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") != "queue"
}

applicable if {
	lib.tier == 0
	count(backed_up_stores) > 0
}

deny contains lib.finding(msg, path) if {
	lib.tier == 0
	some [i, store] in backed_up_stores
	object.get(store, ["backups", "cross_region"], null) == false
	msg := sprintf("backups of data store %q are kept only in the region they were taken in", [store.name])
	path := sprintf("data_stores[%d].backups.cross_region", [i])
}

unanswered contains lib.finding(msg, path) if {
	lib.tier == 0
	some [i, store] in backed_up_stores
	object.get(store, ["backups", "cross_region"], null) == null
	msg := sprintf("the design does not say whether backups of data store %q are copied to another region", [store.name])
	path := sprintf("data_stores[%d].backups.cross_region", [i])
}

# METADATA
# title: Backups are kept long enough to outlast late-detected damage
# description: |-
#   Corruption is often found days or weeks after it happened: a batch job
#   that quietly wrote wrong values, a bug that dropped a column's contents, a
#   compromised account deleting a little at a time. If backups roll over
#   after a day or two, every copy already contains the damage by the time
#   anyone notices. The retention period must be declared and long enough to
#   cover the time it realistically takes to detect a problem, which for a
#   critical service means weeks rather than days.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_identified_backups_data.html
#     description: REL09-BP01 Identify and back up all data that needs to be backed up, or reproduce the data from sources
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_automated_backups_data.html
#     description: REL09-BP03 Perform data backup automatically
#   - ref: https://sre.google/sre-book/data-integrity/
#     description: Google SRE book, Data Integrity (time to detect data loss)
# custom:
#   id: PR303
#   best_practices: [REL09-BP01, REL09-BP03]
#   severity: medium
#   check: threshold
#   params:
#     min_retention_days:
#       description: least time backups are kept, in days
#       tiers: [35, 30, 14, 7]
#   level: reactive
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Set a backup retention of at least 35 days at tier 0, 30 at tier 1, 14
#     at tier 2 and 7 at tier 3, and record it in
#     `data_stores[].backups.retention_days`. Keep older monthly copies when the
#     business needs to look further back, within the data-retention policy.
#   applicability: The service declares a source-data store whose backups are enabled.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         backups:
#           enabled: true
#           retention_days: 35
package archvet.rules.production_readiness.backup_retention

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

backed_up_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") != "queue"
	object.get(store, ["backups", "enabled"], false) == true
}

applicable if count(backed_up_stores) > 0

unanswered contains lib.finding(msg, path) if {
	some [i, store] in backed_up_stores
	object.get(store, ["backups", "retention_days"], null) == null
	msg := sprintf("the design does not say how long backups of data store %q are kept", [store.name])
	path := sprintf("data_stores[%d].backups.retention_days", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, store] in backed_up_stores
	days := object.get(store, ["backups", "retention_days"], null)
	days != null
	days < params.min_retention_days
	msg := sprintf(
		"backups of data store %q are kept %v days; a tier %d service should keep them at least %v days",
		[store.name, days, lib.tier, params.min_retention_days],
	)
	path := sprintf("data_stores[%d].backups.retention_days", [i])
}

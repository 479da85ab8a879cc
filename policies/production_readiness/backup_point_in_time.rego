# METADATA
# title: Critical relational and document stores support point-in-time recovery
# description: |-
#   Daily snapshots can only take a database back to the moment of the last
#   snapshot, so a bad deploy or a mistaken delete at 17:00 costs the whole
#   day's writes. Point-in-time recovery keeps the change log between
#   snapshots and lets the team restore to the minute before the damage. For
#   the transactional stores of a tier 0 or 1 service (orders, payments,
#   accounts) that difference is usually the difference between a short
#   incident and lost money.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_automated_backups_data.html
#     description: REL09-BP03 Perform data backup automatically
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_objective_defined_recovery.html
#     description: REL13-BP01 Define recovery objectives for downtime and data loss
#   - ref: https://sre.google/sre-book/data-integrity/
#     description: Google SRE book, Data Integrity
# custom:
#   id: PR302
#   best_practices: [REL09-BP03, REL13-BP01]
#   severity: high
#   check: presence
#   level: proactive
#   params:
#     store_kinds:
#       description: kinds of store (data_stores[].kind) whose writes must be recoverable to a point in time
#       value: [relational, document]
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Enable continuous backup (write-ahead-log or oplog archiving, or the
#     managed service's point-in-time restore) for each relational and
#     document store that holds source data, and record
#     `backups.point_in_time: true`. Practise a restore to a chosen minute.
#   applicability: |-
#     Tier 0 and 1 services with a relational or document store (the kinds
#     are a parameter) that holds source data.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         backups:
#           enabled: true
#           point_in_time: true
package archvet.rules.production_readiness.backup_point_in_time

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

transactional_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") in params.store_kinds
}

applicable if {
	lib.critical
	count(transactional_stores) > 0
}

deny contains lib.finding(msg, path) if {
	lib.critical
	some [i, store] in transactional_stores
	store.backups.point_in_time == false
	msg := sprintf("%s store %q cannot be restored to a point in time, only to its last backup", [store.kind, store.name])
	path := sprintf("data_stores[%d].backups.point_in_time", [i])
}

unanswered contains lib.finding(msg, path) if {
	lib.critical
	some [i, store] in transactional_stores
	object.get(store, ["backups", "point_in_time"], null) == null
	msg := sprintf("the design does not say whether %s store %q supports point-in-time recovery", [store.kind, store.name])
	path := sprintf("data_stores[%d].backups.point_in_time", [i])
}

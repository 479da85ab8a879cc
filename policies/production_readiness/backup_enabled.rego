# METADATA
# title: Every store holding source data is backed up
# description: |-
#   A store that holds the only copy of some data (not a cache, replica or
#   read model) can lose it to an operator mistake, a bad migration, a bug that
#   overwrites rows, ransomware or the provider itself. Replication does not
#   help here, because it copies the damage to every replica within seconds.
#   Only an independent, automatic backup lets the team go back to a point
#   before the damage. For a tier 0 or 1 service a missing backup turns one bad
#   command into permanent data loss.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_identified_backups_data.html
#     description: REL09-BP01 Identify and back up all data that needs to be backed up, or reproduce the data from sources
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_automated_backups_data.html
#     description: REL09-BP03 Perform data backup automatically
#   - ref: https://sre.google/sre-book/data-integrity/
#     description: Google SRE book, Data Integrity (backups versus replication)
# custom:
#   id: PR300
#   best_practices: [REL09-BP01, REL09-BP03]
#   severity: critical
#   tier_severity: [critical, critical, high, medium]
#   check: presence
#   level: reactive
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Turn on automatic backups for every source-of-truth store and record it
#     as `data_stores[].backups.enabled: true`, with the schedule in
#     `frequency_hours` (or `point_in_time: true`). If a store's data can be
#     rebuilt from another source, say so by giving it the role `replica` or
#     `read-model` instead.
#   applicability: |-
#     The service declares a data store that holds source data (role
#     source-of-truth, archive or unstated; queues, caches, replicas and read
#     models are left out).
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         role: source-of-truth
#         backups:
#           enabled: true
#           frequency_hours: 24
package archvet.rules.production_readiness.backup_enabled

import rego.v1

import data.archvet.lib

# Stores whose loss is permanent. Queues hold messages in transit, which
# backups do not cover; their durability is a messaging concern.
backed_up_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") != "queue"
}

applicable if count(backed_up_stores) > 0

deny contains lib.finding(msg, path) if {
	some [i, store] in backed_up_stores
	object.get(store, ["backups", "enabled"], null) == false
	msg := sprintf("data store %q holds source data but its backups are disabled", [store.name])
	path := sprintf("data_stores[%d].backups.enabled", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in backed_up_stores
	object.get(store, ["backups", "enabled"], null) == null
	msg := sprintf("the design does not say whether data store %q is backed up", [store.name])
	path := sprintf("data_stores[%d].backups.enabled", [i])
}

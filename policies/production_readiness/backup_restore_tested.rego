# METADATA
# title: Backups are proven by a recent test restore
# description: |-
#   A backup nobody has restored is a hope, not a recovery plan. Backups fail
#   silently (an expired credential, a changed schema, a missing encryption
#   key, a job that stopped months ago) and the problem only shows on the day
#   the data is needed. Restoring on a schedule proves the backups are whole
#   and that the team knows the procedure and how long it takes. The proof
#   must be recent at every tier, because the system and its data keep
#   changing; the more critical the service, the more often it is renewed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_periodic_recovery_testing_data.html
#     description: REL09-BP04 Perform periodic recovery of the data to verify backup integrity and processes
#   - ref: https://sre.google/sre-book/data-integrity/
#     description: Google SRE book, Data Integrity (nobody needs backups, everybody needs restores)
# custom:
#   id: PR301
#   severity: high
#   tier_severity: [high, high, medium, low]
#   level: proactive
#   check: threshold
#   best_practices: [REL09-BP04]
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   params:
#     max_restore_age_days:
#       description: longest time since the last test restore, in days
#       tiers: [180, 365, 365, 730]
#   remediation: |-
#     Restore each store's backup into a scratch environment, check the data,
#     time the procedure, and record `backups.restore_tested: true` with the
#     date in `backups.last_restore_test`. Repeat it at least every 180 days
#     at tier 0, every year at tiers 1 and 2 and every two years at tier 3,
#     ideally automatically.
#   applicability: |-
#     The service declares a source-data store whose backups are enabled. The
#     freshness check applies at every tier.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         backups:
#           enabled: true
#           restore_tested: true
#           last_restore_test: 2026-10-01
package archvet.rules.production_readiness.backup_restore_tested

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

ns_per_day := ((24 * 60) * 60) * 1000000000

# Source-data stores with backups switched on; restores only make sense there.
backed_up_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") != "queue"
	object.get(store, ["backups", "enabled"], false) == true
}

# age_days is how many days ago a YYYY-MM-DD date was; undefined when the
# date cannot be read.
age_days(date) := (time.now_ns() - time.parse_ns("2006-01-02", date)) / ns_per_day if {
	regex.match(`^\d{4}-\d{2}-\d{2}$`, date)
}

applicable if count(backed_up_stores) > 0

deny contains lib.finding(msg, path) if {
	some [i, store] in backed_up_stores
	object.get(store, ["backups", "restore_tested"], null) == false
	msg := sprintf("the backups of data store %q have never been restored in a test", [store.name])
	path := sprintf("data_stores[%d].backups.restore_tested", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, store] in backed_up_stores
	date := object.get(store, ["backups", "last_restore_test"], null)
	date != null
	age_days(date) > params.max_restore_age_days
	msg := sprintf("the last restore test of data store %q was on %s, more than %v days ago", [store.name, date, params.max_restore_age_days])
	path := sprintf("data_stores[%d].backups.last_restore_test", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in backed_up_stores
	object.get(store, ["backups", "restore_tested"], null) == null
	msg := sprintf("the design does not say whether a restore from the backups of data store %q has been tested", [store.name])
	path := sprintf("data_stores[%d].backups.restore_tested", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in backed_up_stores
	object.get(store, ["backups", "restore_tested"], false) == true
	object.get(store, ["backups", "last_restore_test"], null) == null
	msg := sprintf("the design does not say when the backups of data store %q were last restored", [store.name])
	path := sprintf("data_stores[%d].backups.last_restore_test", [i])
}

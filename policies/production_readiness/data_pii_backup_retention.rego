# METADATA
# title: Backups do not keep personal data longer than its retention allows
# description: |-
#   A retention period for personal data is a promise to delete it when the
#   period ends. Backups hold copies of the same records, so a store that
#   deletes customers after 30 days but keeps its backups for 400 still holds
#   every deleted customer for more than a year, and a restore brings them
#   back. Either the backups expire within the retention period, or the
#   design must shorten them; otherwise the stated retention does not hold.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_data_classification_lifecycle_management.html
#     description: SEC07-BP04 Define scalable data lifecycle management
#   - ref: https://gdpr-info.eu/art-5-gdpr/
#     description: GDPR Article 5, storage limitation
# custom:
#   id: PR331
#   severity: medium
#   tier_severity: [medium, medium, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [SEC07-BP04]
#   frameworks:
#     production-readiness: data-governance
#     well-architected: security
#   params:
#     max_backup_overrun_days:
#       description: days backups of personal data may outlive the data's retention period
#       value: 0
#   remediation: |-
#     Set `backups.retention_days` of every store holding personal data to no
#     more than its `retention_days` (or `data.retention_days`), or keep a
#     record of erasures that is replayed after every restore and say so in a
#     decision.
#   applicability: A store holds personal data and is backed up.
#   example: |-
#     data_stores:
#       - name: users
#         contains_pii: true
#         retention_days: 365
#         backups:
#           enabled: true
#           retention_days: 35
package archvet.rules.production_readiness.data_pii_backup_retention

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

backed_up_pii contains [i, store] if {
	some i, store in lib.data_stores
	object.get(store, "contains_pii", false) == true
	object.get(store, ["backups", "enabled"], false) == true
}

applicable if count(backed_up_pii) > 0

# The store's own retention wins over the service default.
retention(store) := store.retention_days

retention(store) := object.get(input, ["data", "retention_days"], null) if not "retention_days" in object.keys(store)

deny contains lib.finding(msg, path) if {
	some [i, store] in backed_up_pii
	limit := retention(store)
	is_number(limit)
	kept := object.get(store, ["backups", "retention_days"], null)
	is_number(kept)
	kept > limit + params.max_backup_overrun_days
	msg := sprintf(
		"backups of data store %q are kept %v days, but its personal data may be kept only %v days, so deleted records live on in the backups",
		[store.name, kept, limit],
	)
	path := sprintf("data_stores[%d].backups.retention_days", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in backed_up_pii
	object.get(store, ["backups", "retention_days"], null) == null
	msg := sprintf("the design does not say how long backups of personal-data store %q are kept", [store.name])
	path := sprintf("data_stores[%d].backups.retention_days", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in backed_up_pii
	retention(store) == null
	msg := sprintf("the design does not say how long personal-data store %q keeps its records", [store.name])
	path := sprintf("data_stores[%d].retention_days", [i])
}

# METADATA
# title: Retention periods are defined for the service and for every store of personal data
# description: |-
#   Data kept forever is a liability: it widens the impact of every breach,
#   breaks the storage-limitation principle of privacy law and makes erasure
#   requests harder to honour. A default retention for the service's records,
#   and an explicit one for each store holding personal data, turns "we keep
#   it" into a decision that can be enforced and audited.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_data_classification_lifecycle_management.html
#     description: SEC07-BP04 Define scalable data lifecycle management
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_decomissioning_resources_data_retention.html
#     description: COST04-BP05 Enforce data retention policies
#   - ref: https://gdpr-info.eu/art-5-gdpr/
#     description: GDPR Article 5, Principles (storage limitation)
# custom:
#   id: PR512
#   best_practices: [SEC07-BP04]
#   severity: medium
#   check: reasoning
#   level: proactive
#   frameworks:
#     production-readiness: data-governance
#     well-architected: security
#   remediation: |-
#     Agree retention periods with legal and the data owner, set
#     `data.retention_days` for the service's records and
#     `data_stores[].retention_days` for every store that holds personal data,
#     and enforce them with TTLs, lifecycle rules or purge jobs.
#   applicability: Every service; the per-store check applies to stores holding personal data.
#   example: |-
#     data:
#       retention_days: 730
#     data_stores:
#       - name: customers
#         contains_pii: true
#         retention_days: 1095
package archvet.rules.production_readiness.data_retention

import rego.v1

import data.archvet.lib

unanswered contains lib.finding(msg, "data.retention_days") if {
	object.get(input, ["data", "retention_days"], null) == null
	msg := "the design does not say how long the service's records are kept"
}

unanswered contains lib.finding(msg, sprintf("data_stores[%d].retention_days", [i])) if {
	some i, store in lib.data_stores
	object.get(store, "contains_pii", false) == true
	object.get(store, "retention_days", null) == null
	msg := sprintf("the design does not say how long store %q keeps the personal data it holds", [store.name])
}

# A retention period nothing enforces.
deny contains lib.finding(msg, sprintf("data_stores[%d].lifecycle_policy", [i])) if {
	some i, store in lib.data_stores
	store.contains_pii == true
	is_number(store.retention_days)
	store.lifecycle_policy == false
	msg := sprintf(
		"store %q promises to keep personal data %v days, but nothing deletes it automatically when that period ends",
		[store.name, store.retention_days],
	)
}

# METADATA
# title: A person's data can be erased on request
# description: |-
#   Privacy laws such as the GDPR and CCPA give people the right to have
#   their personal data deleted, within a deadline. Honouring that by hand
#   across databases, caches, search indexes, event logs and backups is slow
#   and error-prone, and designs that never planned for deletion (append-only
#   logs, data copied into other services) can make it impossible. Erasure
#   has to be a designed, tested capability of any service that holds
#   personal data.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_data_classification_lifecycle_management.html
#     description: SEC07-BP04 Define scalable data lifecycle management
#   - ref: https://gdpr-info.eu/art-17-gdpr/
#     description: GDPR Article 17, Right to erasure
# custom:
#   id: PR513
#   best_practices: [SEC07-BP04]
#   severity: high
#   check: presence
#   level: reactive
#   frameworks:
#     production-readiness: data-governance
#     well-architected: security
#   remediation: |-
#     Provide an erasure path that removes or irreversibly anonymises a
#     person's data in every store and downstream copy (for event-sourced data
#     consider crypto-shredding), test it, and set
#     `data.deletion_supported: true`.
#   applicability: The service handles personal data (data.pii or any store with contains_pii).
#   example: |-
#     data:
#       pii: true
#       deletion_supported: true
package archvet.rules.production_readiness.data_erasure

import rego.v1

import data.archvet.lib

applicable if object.get(input, ["data", "pii"], false) == true

applicable if {
	some store in lib.data_stores
	object.get(store, "contains_pii", false) == true
}

deletion := object.get(input, ["data", "deletion_supported"], null)

deny contains lib.finding(msg, "data.deletion_supported") if {
	applicable
	deletion == false
	msg := "the service holds personal data but cannot erase a person's data on request"
}

unanswered contains lib.finding(msg, "data.deletion_supported") if {
	applicable
	deletion == null
	msg := "the design does not say whether a person's data can be erased on request"
}

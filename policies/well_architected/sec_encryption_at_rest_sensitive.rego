# METADATA
# title: Stores holding personal or restricted data are encrypted at rest
# description: |-
#   Personal and restricted data outlives the process that wrote it: it sits
#   in volumes, snapshots, backups and decommissioned disks, any of which can
#   be copied or lost. Encryption at rest with managed keys makes those
#   copies useless without the key and puts every decryption behind access
#   control and audit. For personal data, an unencrypted store that leaks is
#   a reportable breach.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_rest_encrypt.html
#     description: SEC08-BP02 Enforce encryption at rest
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_rest_key_mgmt.html
#     description: SEC08-BP01 Implement secure key management
# custom:
#   id: WA315
#   severity: critical
#   level: reactive
#   check: reasoning
#   best_practices: [SEC08-BP02, SEC08-BP01]
#   frameworks:
#     well-architected: security
#     production-readiness: data-governance
#   remediation: |-
#     Turn on encryption at rest for the store, its replicas, snapshots and
#     backups with keys from a key management service, restrict who may use
#     the keys, and set `data_stores[].encryption_at_rest: true`.
#   applicability: |-
#     Data stores (of any role) that hold personal data or restricted data; when the service
#     handles personal data, a durable store that does not say whether it holds any is treated
#     as holding it.
#   example: |-
#     data:
#       pii: true
#     data_stores:
#       - name: customers
#         contains_pii: true
#         classification: restricted
#         encryption_at_rest: true
package archvet.rules.well_architected.sec_encryption_at_rest_sensitive

import rego.v1

import data.archvet.lib

service_pii if object.get(input, ["data", "pii"], false) == true

durable_index contains i if some [i, _] in lib.durable_stores

sensitive(_, store) if object.get(store, "contains_pii", false) == true

sensitive(_, store) if object.get(store, "classification", "") == "restricted"

# A service that handles personal data and does not say which durable store
# holds it: assume the worst.
sensitive(i, store) if {
	service_pii
	i in durable_index
	object.get(store, "contains_pii", null) == null
}

sensitive_stores contains [i, store] if {
	some i, store in lib.data_stores
	sensitive(i, store)
}

applicable if count(sensitive_stores) > 0

deny contains lib.finding(msg, sprintf("data_stores[%d].encryption_at_rest", [i])) if {
	some [i, store] in sensitive_stores
	object.get(store, "encryption_at_rest", null) == false
	msg := sprintf("store %q holds personal or restricted data unencrypted at rest", [store.name])
}

unanswered contains lib.finding(msg, sprintf("data_stores[%d].encryption_at_rest", [i])) if {
	some [i, store] in sensitive_stores
	object.get(store, "encryption_at_rest", null) == null
	msg := sprintf("the design does not say whether store %q, which may hold personal or restricted data, is encrypted at rest", [store.name])
}

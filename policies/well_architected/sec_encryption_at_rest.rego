# METADATA
# title: Every durable data store is encrypted at rest
# description: |-
#   Data written to disk is copied into snapshots, backups and replicas and
#   eventually onto hardware that leaves the data centre. Encrypting every
#   durable store by default, with managed keys, means none of those copies
#   can be read without going through access control, and it removes the need
#   to argue store by store about what is sensitive enough. Only stores
#   explicitly classified as public are exempt.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_rest_encrypt.html
#     description: SEC08-BP02 Enforce encryption at rest
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_rest_automate_protection.html
#     description: SEC08-BP03 Automate data at rest protection
# custom:
#   id: WA316
#   severity: high
#   level: reactive
#   check: reasoning
#   best_practices: [SEC08-BP02, SEC08-BP03]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Enable encryption at rest with a key management service for the store
#     and its snapshots and backups (most managed stores make this a single
#     setting, best enforced by policy), and set
#     `data_stores[].encryption_at_rest: true`.
#   applicability: |-
#     Durable data stores (not caches, replicas or read models) that are not classified public.
#     Stores holding personal or restricted data are checked by WA315 instead.
#   example: |-
#     data_stores:
#       - name: orders
#         kind: relational
#         classification: confidential
#         contains_pii: false
#         encryption_at_rest: true
package archvet.rules.well_architected.sec_encryption_at_rest

import rego.v1

import data.archvet.lib

service_pii if object.get(input, ["data", "pii"], false) == true

# The stores WA315 covers (personal or restricted data, or unknown in a
# service that handles personal data) are left to it.
sensitive(store) if object.get(store, "contains_pii", false) == true

sensitive(store) if object.get(store, "classification", "") == "restricted"

sensitive(store) if {
	service_pii
	object.get(store, "contains_pii", null) == null
}

checked contains [i, store] if {
	some [i, store] in lib.durable_stores
	not sensitive(store)
	object.get(store, "classification", "") != "public"
}

applicable if count(checked) > 0

deny contains lib.finding(msg, sprintf("data_stores[%d].encryption_at_rest", [i])) if {
	some [i, store] in checked
	object.get(store, "encryption_at_rest", null) == false
	msg := sprintf("store %q is not encrypted at rest", [store.name])
}

unanswered contains lib.finding(msg, sprintf("data_stores[%d].encryption_at_rest", [i])) if {
	some [i, store] in checked
	object.get(store, "encryption_at_rest", null) == null
	msg := sprintf("the design does not say whether store %q is encrypted at rest", [store.name])
}

# METADATA
# title: Sensitive stores are encrypted with keys the organisation controls and rotates
# description: |-
#   Encryption at rest protects data only as well as its key is managed. With
#   a key owned by the provider alone, the organisation cannot audit its use,
#   revoke it after a compromise, or prove who could decrypt the data. For
#   personal, confidential or restricted data at a critical tier, the key
#   belongs in the organisation's key management service, with its use logged
#   and the key rotated on a schedule, so that a leaked key stops being
#   useful.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_protect_data_rest_key_mgmt.html
#     description: SEC08-BP01 Implement secure key management
#   - ref: https://cheatsheetseries.owasp.org/cheatsheets/Key_Management_Cheat_Sheet.html
#     description: OWASP Key Management Cheat Sheet
# custom:
#   id: PR520
#   severity: high
#   tier_severity: [high, high, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [SEC08-BP01]
#   frameworks:
#     production-readiness: security
#     well-architected: security
#   params:
#     customer_keys_up_to_tier:
#       description: highest tier whose sensitive stores must use customer-managed keys (0 to 3)
#       value: 1
#     max_key_rotation_days:
#       description: longest time between rotations of a store's encryption key, in days
#       tiers: [365, 365, 730, 730]
#     sensitive_classes:
#       description: data classifications (public, internal, confidential, restricted) treated as sensitive
#       value: [confidential, restricted]
#   remediation: |-
#     Encrypt each store that holds personal, confidential or restricted data
#     with a key in the organisation's key management service
#     (`encryption.key: customer-managed`) at tiers 0 and 1, log its use, and
#     rotate it at least yearly (`encryption.rotation_days`).
#   applicability: A store encrypted at rest holds personal, confidential or restricted data.
#   example: |-
#     data_stores:
#       - name: orders-db
#         contains_pii: true
#         encryption_at_rest: true
#         encryption:
#           key: customer-managed
#           rotation_days: 365
package archvet.rules.production_readiness.security_key_management

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

sensitive(store) if store.contains_pii == true

sensitive(store) if store.classification in params.sensitive_classes

stores contains [i, store] if {
	some i, store in lib.data_stores
	store.encryption_at_rest == true
	sensitive(store)
}

applicable if count(stores) > 0

customer_keys if lib.tier <= params.customer_keys_up_to_tier

deny contains lib.finding(msg, path) if {
	customer_keys
	some [i, store] in stores
	store.encryption.key == "provider-managed"
	msg := sprintf(
		"data store %q holds sensitive data under a provider-managed key, which the organisation cannot audit, revoke or rotate",
		[store.name],
	)
	path := sprintf("data_stores[%d].encryption.key", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, store] in stores
	days := store.encryption.rotation_days
	days > params.max_key_rotation_days
	msg := sprintf(
		"the key of data store %q is rotated every %v days; a tier %d service should rotate it at least every %v",
		[store.name, days, lib.tier, params.max_key_rotation_days],
	)
	path := sprintf("data_stores[%d].encryption.rotation_days", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in stores
	some field in ["key", "rotation_days"]
	object.get(store, ["encryption", field], null) == null
	msg := sprintf("the design does not say the encryption %s of data store %q", [replace(field, "_", " "), store.name])
	path := sprintf("data_stores[%d].encryption.%s", [i, field])
}

# METADATA
# title: Backups are encrypted like their data and cannot be deleted early
# description: |-
#   Backups are the last line of defence against ransomware, a compromised
#   administrator account or a script that deletes the wrong thing, and each
#   of those can reach the backups too. A backup that an attacker can delete
#   or encrypt protects nothing on the day it is needed, so a critical
#   service keeps backups that no one can change or remove before they
#   expire. A backup of an encrypted or sensitive store must be encrypted as
#   well, or it becomes the easiest copy of the data to steal.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_secured_backups_data.html
#     description: REL09-BP02 Secure and encrypt backups
#   - ref: https://sre.google/sre-book/data-integrity/
#     description: Google SRE book, Data Integrity
# custom:
#   id: PR332
#   severity: high
#   tier_severity: [high, high, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [REL09-BP02]
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   params:
#     immutable_up_to_tier:
#       description: highest tier whose backups must be immutable (0 to 3)
#       value: 1
#     sensitive_classes:
#       description: data classifications (public, internal, confidential, restricted) treated as sensitive
#       value: [confidential, restricted]
#   remediation: |-
#     Encrypt the backups of every store that is encrypted at rest, holds
#     personal data or is classified confidential or restricted
#     (`backups.encrypted: true`), and for tier 0 and 1 services make them
#     immutable with an object or vault lock (`backups.immutable: true`),
#     ideally in a separate account.
#   applicability: A source-data store is backed up.
#   example: |-
#     data_stores:
#       - name: orders-db
#         encryption_at_rest: true
#         backups:
#           enabled: true
#           encrypted: true
#           immutable: true
package archvet.rules.production_readiness.backup_protection

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

backed_up contains [i, store] if {
	some [i, store] in lib.durable_stores
	store.backups.enabled == true
}

applicable if count(backed_up) > 0

# Why a store's backups must be encrypted, when they must.
sensitive(store) := "the store is encrypted at rest" if store.encryption_at_rest == true

else := "the store holds personal data" if store.contains_pii == true

else := sprintf("the store is %s", [store.classification]) if store.classification in params.sensitive_classes

must_be_immutable if lib.tier <= params.immutable_up_to_tier

deny contains lib.finding(msg, path) if {
	some [i, store] in backed_up
	store.backups.encrypted == false
	reason := sensitive(store)
	msg := sprintf("backups of data store %q are not encrypted although %s", [store.name, reason])
	path := sprintf("data_stores[%d].backups.encrypted", [i])
}

deny contains lib.finding(msg, path) if {
	must_be_immutable
	some [i, store] in backed_up
	store.backups.immutable == false
	msg := sprintf(
		"backups of data store %q can be deleted or overwritten before they expire, which a tier %d service cannot afford",
		[store.name, lib.tier],
	)
	path := sprintf("data_stores[%d].backups.immutable", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in backed_up
	object.get(store, ["backups", "encrypted"], null) == null
	sensitive(store)
	msg := sprintf("the design does not say whether backups of data store %q are encrypted", [store.name])
	path := sprintf("data_stores[%d].backups.encrypted", [i])
}

unanswered contains lib.finding(msg, path) if {
	must_be_immutable
	some [i, store] in backed_up
	object.get(store, ["backups", "immutable"], null) == null
	msg := sprintf("the design does not say whether backups of data store %q are protected from deletion", [store.name])
	path := sprintf("data_stores[%d].backups.immutable", [i])
}

# METADATA
# title: A data store the review calls encrypted at rest is encrypted in its Terraform
# description: |-
#   Encryption at rest is a setting of the store, and on several services
#   it is off unless someone turns it on when the store is created: an
#   unencrypted database cannot be encrypted in place later, only copied.
#   A review that says `encryption_at_rest: true` passes the encryption
#   rules on its word, while its snapshots, replicas and retired disks may
#   be readable by anyone who gets hold of them. This rule holds the claim
#   against the store's Terraform (matched by name).
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_rest_encrypt.html
#     description: SEC08-BP02 Enforce encryption at rest
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
#     description: Amazon RDS, Encrypting Amazon RDS resources
# custom:
#   id: CL003
#   best_practices: [SEC08-BP02]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Turn encryption on in the store's Terraform (`storage_encrypted`,
#     `at_rest_encryption_enabled`, a bucket encryption configuration),
#     which for most databases means creating an encrypted copy, or correct
#     `data_stores[].encryption_at_rest` to false so that the encryption
#     rules report the gap.
#   applicability: |-
#     Reviews whose data stores state `encryption_at_rest`. Without
#     Terraform for the store the claim stays unverified.
#     It applies only when the review has Terraform among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         encryption_at_rest: true
package archvet.rules.claims.encryption_at_rest

import rego.v1

import data.archvet.lib

stated contains [sprintf("data_stores[%d].encryption_at_rest", [i]), store.encryption_at_rest] if {
	some i, store in lib.data_stores
	is_boolean(store.encryption_at_rest)
}

# Without terraform in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("terraform")
	count(stated) > 0
}

evidence contains {"path": path, "claimed": store.encryption_at_rest, "resource": r, "fact": r.facts.encrypted_at_rest} if {
	some i, store in lib.data_stores
	is_boolean(store.encryption_at_rest)
	some r in lib.store_resources(store)
	path := sprintf("data_stores[%d].encryption_at_rest", [i])
}

judged contains {"path": e.path, "fact": e.fact, "compared": [e.fact.value, e.claimed], "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %v, but %s sets encryption at rest to %v", [e.path, e.claimed, e.resource.address, lib.shown(e.fact)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

# METADATA
# title: A data store the review calls protected from deletion is protected in its Terraform
# description: |-
#   A database, bucket or table that one mistaken `terraform destroy`, a
#   wrong console click or a script run against the wrong account can
#   delete takes its backups' promise with it when the backups go too, and
#   the recovery plan starts from nothing. A review that says
#   `deletion_protection: true` is believed by the reader; the protection
#   is a setting of the store. This rule holds the claim against the
#   store's Terraform (its `terraform` address, else matched by name):
#   the provider's deletion protection (`deletion_protection`,
#   `deletion_protection_enabled`), an S3 Object Lock, an Azure delete
#   lock, or `lifecycle { prevent_destroy = true }`. Any one of them keeps
#   the store; a claim none of them backs is contradicted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_secured_backups_data.html
#     description: REL09-BP02 Secure and encrypt backups
#   - ref: https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle
#     description: Terraform, the lifecycle meta-argument (prevent_destroy)
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection
#     description: Amazon RDS, deletion protection
# custom:
#   id: CL017
#   best_practices: [REL09-BP02]
#   severity: medium
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Turn the protection on in the store's Terraform (`deletion_protection
#     = true`, `deletion_protection_enabled = true`, an Object Lock, a
#     CanNotDelete lock, or `lifecycle { prevent_destroy = true }`), or
#     correct `data_stores[].deletion_protection` to false so the gap is
#     on record.
#   applicability: |-
#     Reviews whose data stores state `deletion_protection`. Without
#     Terraform for the store the claim stays unverified.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         deletion_protection: true
package archvet.rules.claims.deletion_protection

import rego.v1

import data.archvet.lib

stated contains [sprintf("data_stores[%d].deletion_protection", [i]), store.deletion_protection] if {
	some i, store in lib.data_stores
	is_boolean(store.deletion_protection)
}

# Without terraform in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("terraform")
	count(stated) > 0
}

# The settings that protect a store from deletion, any one of which is
# enough.
protections := ["deletion_protection", "prevent_destroy"]

evidence contains {"path": path, "claimed": store.deletion_protection, "resource": r, "key": key, "fact": fact} if {
	some i, store in lib.data_stores
	is_boolean(store.deletion_protection)
	some r in lib.store_resources(store)
	some key in protections
	fact := r.facts[key]
	path := sprintf("data_stores[%d].deletion_protection", [i])
}

# A resource is protected when one of its settings is a literal true; it
# is unprotected when every setting it has is a literal false.
protected(e) if {
	some key in protections
	fact := e.resource.facts[key]
	lib.known(fact)
	fact.value == true
}

judged contains {"path": e.path, "fact": e.fact, "compared": [true, e.claimed], "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	e.fact.value == true
	msg := sprintf("%s says %v, but %s sets %s to true", [e.path, e.claimed, e.resource.address, e.key])
}

judged contains {"path": e.path, "fact": e.fact, "compared": [false, e.claimed], "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	e.key == "deletion_protection"
	not protected(e)
	every key in protections {
		lib.known(object.get(e.resource.facts, key, {"unknown": true}))
	}
	msg := sprintf(
		"%s says %v, but %s sets deletion protection to %v and has no lifecycle prevent_destroy",
		[e.path, e.claimed, e.resource.address, lib.shown(e.fact)],
	)
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

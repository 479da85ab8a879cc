package archvet.rules.production_readiness.backup_protection_test

import rego.v1

import data.archvet.rules.production_readiness.backup_protection as rule

design(tier, store) := {"service": {"name": "x", "owner": "t", "tier": tier}, "data_stores": [store]}

db(backups) := {"name": "db", "encryption_at_rest": true, "backups": object.union({"enabled": true}, backups)}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(0, db({}))
	not rule.applicable with input as design(0, {"name": "db", "backups": {"enabled": false}})
}

test_protected_backups_pass if {
	count(rule.deny) == 0 with input as design(0, db({"encrypted": true, "immutable": true}))
	count(rule.unanswered) == 0 with input as design(0, db({"encrypted": true, "immutable": true}))
}

test_unencrypted_backup_of_an_encrypted_store_fails if {
	findings := rule.deny with input as design(0, db({"encrypted": false, "immutable": true}))
	paths(findings) == {"data_stores[0].backups.encrypted"}
	some f in findings
	contains(f.msg, "encrypted at rest")
}

test_pii_and_classification_need_encryption if {
	pii := {"name": "u", "contains_pii": true, "backups": {"enabled": true, "encrypted": false, "immutable": true}}
	paths(rule.deny) == {"data_stores[0].backups.encrypted"} with input as design(0, pii)
	secret := {"name": "s", "classification": "restricted", "backups": {"enabled": true, "encrypted": false, "immutable": true}}
	paths(rule.deny) == {"data_stores[0].backups.encrypted"} with input as design(0, secret)
	public := {"name": "p", "classification": "public", "backups": {"enabled": true, "encrypted": false, "immutable": true}}
	count(rule.deny) == 0 with input as design(0, public)
}

test_immutability_at_each_tier if {
	every tier in [0, 1] {
		paths(rule.deny) == {"data_stores[0].backups.immutable"} with input as design(tier, db({"encrypted": true, "immutable": false}))
	}
	every tier in [2, 3] {
		count(rule.deny) == 0 with input as design(tier, db({"encrypted": true, "immutable": false}))
	}
}

test_unstated_protection_is_an_open_question if {
	paths(rule.unanswered) == {"data_stores[0].backups.encrypted", "data_stores[0].backups.immutable"} with input as design(1, db({}))
	count(rule.deny) == 0 with input as design(1, db({}))
}

test_override_of_the_tier if {
	paths(rule.deny) == {"data_stores[0].backups.immutable"} with input as design(2, db({"encrypted": true, "immutable": false}))
		with data.archvet.params as {"PR332": {"immutable_up_to_tier": [2, 2, 2, 2]}}
}

# An organisation that treats internal data as sensitive says so once.
test_override_of_the_sensitive_classes if {
	internal_store := {"name": "i", "classification": "internal", "backups": {"enabled": true, "encrypted": false, "immutable": true}}
	count(rule.deny) == 0 with input as design(0, internal_store)
	paths(rule.deny) == {"data_stores[0].backups.encrypted"} with input as design(0, internal_store)
		with data.archvet.params as {"PR332": {"sensitive_classes": [["internal"], ["internal"], ["internal"], ["internal"]]}}
}

package archvet.rules.claims.encryption_at_rest_test

import rego.v1

import data.archvet.rules.claims.encryption_at_rest as rule

at(line) := {"file": "infra/data.tf", "line": line, "column": 3}

review := {"data_stores": [
	{"name": "orders-db", "kind": "relational", "encryption_at_rest": true},
	{"name": "public-assets", "kind": "object", "encryption_at_rest": false},
	{"name": "price-cache", "kind": "cache"},
]}

with_facts(orders, assets) := object.union(review, {"_artefacts": {"terraform": {"resources": [
	{"address": "aws_db_instance.orders", "name": "orders-db", "at": at(1), "facts": {"encrypted_at_rest": orders}},
	{"address": "aws_s3_bucket.assets", "name": "Public_Assets", "at": at(20), "facts": {"encrypted_at_rest": assets}},
	{"address": "aws_elasticache_replication_group.prices", "name": "price-cache", "at": at(40), "facts": {"encrypted_at_rest": {"value": false, "at": at(44)}}},
]}}})

test_encrypted_store_verifies if {
	inp := with_facts({"value": true, "at": at(9)}, {"value": false, "at": at(25)})
	claims := rule.claims with input as inp
	count(claims) == 2
	every c in claims {
		c.status == "verified"
	}
	count(rule.deny) == 0 with input as inp
}

test_unencrypted_store_contradicts if {
	inp := with_facts({"value": false, "at": at(9)}, {"value": true, "at": at(25)})
	findings := rule.deny with input as inp
	count(findings) == 2
	some f in findings
	f.path == "data_stores[0].encryption_at_rest"
	f.at == at(9)
	f.msg == "data_stores[0].encryption_at_rest says true, but aws_db_instance.orders sets encryption at rest to false"
}

test_expression_leaves_the_claim_unverified if {
	inp := with_facts({"unknown": true, "expression": "var.encrypted", "at": at(9)}, {"value": false, "at": at(25)})
	count(rule.deny) == 0 with input as inp
	claims := rule.claims with input as inp
	some c in claims
	c.path == "data_stores[0].encryption_at_rest"
	c.status == "unverified"
	c.at == at(9)
}

test_without_terraform_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Terraform was read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"terraform": {}}})

test_when_nothing_speaks_claims_are_unverified if {
	rule.applicable with input as nothing_read
	claims := rule.claims with input as nothing_read
	count(claims) == 2
	every c in claims {
		c.status == "unverified"
	}
}

test_one_claim_is_enough_to_apply if {
	rule.applicable with input as object.union({"data_stores": [{"name": "orders-db", "encryption_at_rest": true}]}, {"_artefacts": {"terraform": {}}})
}

test_no_claim_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
}

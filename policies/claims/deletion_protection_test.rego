package archvet.rules.claims.deletion_protection_test

import rego.v1

import data.archvet.rules.claims.deletion_protection as rule

at(line) := {"file": "infra/data.tf", "line": line, "column": 3}

review := {"data_stores": [
	{"name": "orders-db", "kind": "relational", "deletion_protection": true},
	{"name": "scratch", "kind": "object", "deletion_protection": false},
	{"name": "price-cache", "kind": "cache"},
]}

off := {"value": false, "at": at(1), "default": true}

with_facts(orders, bucket) := object.union(review, {"_artefacts": {"terraform": {"resources": [
	object.union({"address": "aws_db_instance.orders", "name": "orders-db", "at": at(1)}, {"facts": orders}),
	object.union({"address": "aws_s3_bucket.scratch", "name": "scratch", "at": at(20)}, {"facts": bucket}),
	{"address": "aws_elasticache_replication_group.prices", "name": "price-cache", "at": at(40), "facts": {"prevent_destroy": off}},
]}}})

test_protection_or_prevent_destroy_verifies if {
	every orders in [
		{"deletion_protection": {"value": true, "at": at(9)}, "prevent_destroy": off},
		{"deletion_protection": {"value": false, "at": at(9)}, "prevent_destroy": {"value": true, "at": at(12)}},
	] {
		inp := with_facts(orders, {"deletion_protection": off, "prevent_destroy": off})
		claims := rule.claims with input as inp
		count(claims) == 2
		every c in claims {
			c.status == "verified"
		}
		count(rule.deny) == 0 with input as inp
	}
}

test_unprotected_store_contradicts_at_the_setting if {
	inp := with_facts(
		{"deletion_protection": {"value": false, "at": at(9)}, "prevent_destroy": off},
		{"deletion_protection": {"value": true, "at": at(25)}, "prevent_destroy": off},
	)
	findings := rule.deny with input as inp
	count(findings) == 2
	some f in findings
	f.path == "data_stores[0].deletion_protection"
	f.at == at(9)
	f.msg == concat("", [
		"data_stores[0].deletion_protection says true, but aws_db_instance.orders sets deletion protection to false ",
		"and has no lifecycle prevent_destroy",
	])
	some g in findings
	g.path == "data_stores[1].deletion_protection"
	g.at == at(25)
	g.msg == "data_stores[1].deletion_protection says false, but aws_s3_bucket.scratch sets deletion_protection to true"
}

test_default_off_contradicts if {
	inp := with_facts({"deletion_protection": off, "prevent_destroy": off}, {"deletion_protection": off, "prevent_destroy": off})
	some f in rule.deny with input as inp
	f.msg == concat("", [
		"data_stores[0].deletion_protection says true, but aws_db_instance.orders sets deletion protection to false ",
		"(the default, as the setting is left out) and has no lifecycle prevent_destroy",
	])
}

test_expression_leaves_the_claim_unverified if {
	inp := with_facts(
		{"deletion_protection": {"unknown": true, "expression": "var.protect", "at": at(9)}, "prevent_destroy": off},
		{"deletion_protection": off, "prevent_destroy": off},
	)
	not data_stores_0_denied with input as inp
	some c in rule.claims with input as inp
	c.path == "data_stores[0].deletion_protection"
	c.status == "unverified"
	c.at == at(9)
}

data_stores_0_denied if {
	some f in rule.deny
	f.path == "data_stores[0].deletion_protection"
}

test_a_store_without_the_setting_stays_unverified if {
	inp := object.union(with_facts({"deletion_protection": off, "prevent_destroy": off}, {"deletion_protection": off, "prevent_destroy": off}), {"data_stores": [
		{"name": "orders-db", "deletion_protection": false},
		{"name": "scratch", "deletion_protection": false},
		{"name": "price-cache", "deletion_protection": true},
	]})
	some c in rule.claims with input as inp
	c.path == "data_stores[2].deletion_protection"
	c.status == "unverified"
}

test_the_named_resource_is_read_instead_of_the_name if {
	inp := {
		"data_stores": [{"name": "orders-db", "terraform": "aws_db_instance.main", "deletion_protection": true}],
		"_artefacts": {"terraform": {"resources": [
			{
				"address": "aws_db_instance.main", "name": "prod-orders-7", "at": at(1),
				"facts": {"deletion_protection": {"value": false, "at": at(4)}, "prevent_destroy": off},
			},
			{
				"address": "aws_db_instance.other", "name": "orders-db", "at": at(30),
				"facts": {"deletion_protection": {"value": true, "at": at(34)}, "prevent_destroy": off},
			},
		]}},
	}
	some f in rule.deny with input as inp
	f.at == at(4)
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

test_no_claim_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
}

package archvet.rules.claims.replication_test

import rego.v1

import data.archvet.rules.claims.replication as rule

at(line) := {"file": "infra/data.tf", "line": line, "column": 3}

review := {"data_stores": [
	{"name": "orders-db", "kind": "relational", "replication": {"mode": "sync", "multi_az": true, "cross_region": true}},
	{"name": "price-cache", "kind": "cache", "replication": {"mode": "async", "multi_az": true}},
]}

resources(db, cache) := {"terraform": {"resources": [
	{"address": "aws_rds_cluster.orders", "kind": "relational", "name": "orders-db", "at": at(1), "facts": db},
	{"address": "aws_elasticache_replication_group.prices", "kind": "cache", "name": "price_cache", "at": at(30), "facts": cache},
]}}

fact(value, line) := {"value": value, "at": at(line)}

status(claims, path) := [c.status | some c in claims; c.path == path][0]

test_matching_infrastructure_verifies_every_claim if {
	inp := object.union(review, {"_artefacts": resources(
		{"replicas": fact(2, 5), "multi_az": fact(true, 6), "cross_region_replica": fact(true, 7)},
		{"replicas": fact(1, 33), "multi_az": fact(true, 34)},
	)})
	claims := rule.claims with input as inp
	count(claims) == 5
	every c in claims {
		c.status == "verified"
	}
	count(rule.deny) == 0 with input as inp
}

test_single_zone_cache_without_replicas_contradicts if {
	inp := object.union(review, {"_artefacts": resources(
		{"replicas": fact(2, 5), "multi_az": fact(true, 6), "cross_region_replica": fact(false, 7)},
		{"replicas": fact(0, 33), "multi_az": fact(false, 34)},
	)})
	findings := rule.deny with input as inp
	count(findings) == 3
	some f in findings
	f.path == "data_stores[1].replication.mode"
	f.at == at(33)
	f.msg == "data_stores[1].replication.mode says async, but aws_elasticache_replication_group.prices runs 0 replicas and no multi-AZ standby"
	some g in findings
	g.path == "data_stores[1].replication.multi_az"
	g.msg == "data_stores[1].replication.multi_az says true, but aws_elasticache_replication_group.prices sets multi-AZ to false"
	some h in findings
	h.path == "data_stores[0].replication.cross_region"
	h.msg == "data_stores[0].replication.cross_region says true, but aws_rds_cluster.orders has a cross-region replica: false"
}

test_multi_az_standby_is_a_synchronous_copy if {
	inp := {
		"data_stores": [{"name": "orders-db", "replication": {"mode": "sync", "multi_az": true}}],
		"_artefacts": resources({"replicas": fact(0, 5), "multi_az": fact(true, 6)}, {}),
	}
	claims := rule.claims with input as inp
	every c in claims {
		c.status == "verified"
	}
}

test_no_replication_is_contradicted_by_a_standby if {
	inp := {
		"data_stores": [{"name": "orders-db", "replication": {"mode": "none"}}],
		"_artefacts": resources({"replicas": fact(0, 5), "multi_az": fact(true, 6)}, {}),
	}
	some f in rule.deny with input as inp
	f.msg == "data_stores[0].replication.mode says none, but aws_rds_cluster.orders keeps a synchronous standby in another zone (multi-AZ)"
}

test_no_replication_agrees_with_no_replicas if {
	inp := {
		"data_stores": [{"name": "orders-db", "replication": {"mode": "none", "multi_az": false}}],
		"_artefacts": resources({"replicas": fact(0, 5), "multi_az": fact(false, 6)}, {}),
	}
	claims := rule.claims with input as inp
	count(claims) == 2
	every c in claims {
		c.status == "verified"
	}
	one := json.patch(inp, [{"op": "replace", "path": "/_artefacts/terraform/resources/0/facts/replicas/value", "value": 1}])
	status(rule.claims, "data_stores[0].replication.mode") == "contradicted" with input as one
}

test_expression_and_absence_leave_claims_unverified if {
	inp := object.union(review, {"_artefacts": resources(
		{"replicas": {"unknown": true, "expression": "var.replicas", "at": at(5)}, "multi_az": {"unknown": true, "expression": "local.ha", "at": at(6)}},
		{"replicas": fact("two", 33)},
	)})
	count(rule.deny) == 0 with input as inp
	claims := rule.claims with input as inp
	every c in claims {
		c.status == "unverified"
	}
	some c in claims
	c.path == "data_stores[0].replication.multi_az"
	c.at == at(6)
	some d in claims
	d.path == "data_stores[0].replication.cross_region"
	d.at == null
}

test_without_terraform_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Terraform was read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"terraform": {}}})

test_when_nothing_speaks_claims_are_unverified if {
	rule.applicable with input as nothing_read
	count(rule.claims) == 5 with input as nothing_read
	count(rule.deny) == 0 with input as nothing_read
}

test_one_claim_is_enough_to_apply if {
	rule.applicable with input as object.union({"data_stores": [{"name": "orders-db", "replication": {"multi_az": true}}]}, {"_artefacts": {"terraform": {}}})
}

test_no_replication_claims_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
}

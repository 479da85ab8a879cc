package archvet.rules.claims.backups_test

import rego.v1

import data.archvet.rules.claims.backups as rule

at(line) := {"file": "infra/orders.tf", "line": line, "column": 3}

review := {"data_stores": [{
	"name": "orders-db",
	"kind": "relational",
	"backups": {"enabled": true, "retention_days": 35, "point_in_time": true},
}]}

orders(facts) := {"terraform": {"files": 1, "resources": [{
	"address": "aws_db_instance.orders",
	"type": "aws_db_instance",
	"kind": "relational",
	"name": "orders_DB",
	"at": at(1),
	"facts": facts,
}]}}

status(claims, path) := [c.status | some c in claims; c.path == path][0]

test_retention_that_keeps_the_promise_verifies_every_claim if {
	claims := rule.claims with input as object.union(review, {"_artefacts": orders({"backup_retention_days": {"value": 35, "at": at(7)}})})
	count(claims) == 3
	every c in claims {
		c.status == "verified"
		c.observed == 35
		c.at == at(7)
	}
	count(rule.deny) == 0 with input as object.union(review, {"_artefacts": orders({"backup_retention_days": {"value": 35, "at": at(7)}})})
}

test_zero_retention_contradicts_backups_and_point_in_time if {
	inp := object.union(review, {"_artefacts": orders({"backup_retention_days": {"value": 0, "at": at(7)}})})
	findings := rule.deny with input as inp
	count(findings) == 3
	claims := rule.claims with input as inp
	every c in claims {
		c.status == "contradicted"
		c.observed == 0
	}
	some f in findings
	f.path == "data_stores[0].backups.point_in_time"
	f.at == at(7)
	f.msg == concat("", [
		"data_stores[0].backups.point_in_time says true, but aws_db_instance.orders keeps automated backups for 0 days",
		" (point-in-time recovery needs a retention above 0)",
	])
	some g in findings
	g.path == "data_stores[0].backups.enabled"
	g.msg == "data_stores[0].backups.enabled says true, but aws_db_instance.orders keeps automated backups for 0 days"
}

test_one_day_of_retention_is_backups_but_short_of_the_claim if {
	inp := object.union(review, {"_artefacts": orders({"backup_retention_days": {"value": 34, "at": at(7)}})})
	claims := rule.claims with input as inp
	status(claims, "data_stores[0].backups.enabled") == "verified"
	status(claims, "data_stores[0].backups.point_in_time") == "verified"
	status(claims, "data_stores[0].backups.retention_days") == "contradicted"
	some f in rule.deny with input as inp
	f.msg == "data_stores[0].backups.retention_days says 35, but aws_db_instance.orders keeps automated backups for 34 days"
}

test_a_single_day_counts_as_backups if {
	inp := {
		"data_stores": [{"name": "orders-db", "backups": {"enabled": true, "retention_days": 1}}],
		"_artefacts": orders({"backup_retention_days": {"value": 1, "at": at(7)}}),
	}
	claims := rule.claims with input as inp
	every c in claims {
		c.status == "verified"
	}
}

test_claimed_absence_of_backups_agrees_with_zero_retention if {
	inp := {
		"data_stores": [{"name": "orders-db", "backups": {"enabled": false, "point_in_time": false}}],
		"_artefacts": orders({"backup_retention_days": {"value": 0, "at": at(7)}}),
	}
	claims := rule.claims with input as inp
	count(claims) == 2
	every c in claims {
		c.status == "verified"
	}
}

test_own_point_in_time_fact_wins_over_retention if {
	inp := object.union(review, {"_artefacts": orders({
		"backup_retention_days": {"value": 35, "at": at(7)},
		"point_in_time": {"value": false, "at": at(9)},
	})})
	claims := rule.claims with input as inp
	status(claims, "data_stores[0].backups.point_in_time") == "contradicted"
	status(claims, "data_stores[0].backups.enabled") == "verified"
	status(claims, "data_stores[0].backups.retention_days") == "verified"
	some f in rule.deny with input as inp
	f.at == at(9)
	f.msg == "data_stores[0].backups.point_in_time says true, but aws_db_instance.orders sets point-in-time recovery to false"
}

test_facts_derived_from_the_retention_are_read_as_the_retention if {
	inp := object.union(review, {"_artefacts": orders({
		"backup_retention_days": {"value": 0, "at": at(7)},
		"backups_enabled": {"value": false, "at": at(7)},
		"point_in_time": {"value": false, "at": at(7)},
	})})
	findings := rule.deny with input as inp
	count(findings) == 3
	every f in findings {
		contains(f.msg, "keeps automated backups for 0 days")
	}
}

test_own_backups_setting_is_read if {
	inp := {
		"data_stores": [{"name": "orders-db", "backups": {"enabled": true}}],
		"_artefacts": orders({"backups_enabled": {"value": false, "at": at(12), "default": true}}),
	}
	some f in rule.deny with input as inp
	f.msg == "data_stores[0].backups.enabled says true, but aws_db_instance.orders sets automated backups to false (the default, as the setting is left out)"
	f.at == at(12)
}

test_bucket_versioning_is_its_backup if {
	inp := {
		"data_stores": [{"name": "invoices", "kind": "object", "backups": {"enabled": true}}],
		"_artefacts": {"terraform": {"resources": [{
			"address": "aws_s3_bucket.invoices", "kind": "bucket", "name": "invoices", "at": at(1),
			"facts": {"versioning": {"value": false, "at": at(4)}},
		}]}},
	}
	not_versioned := json.patch(inp, [{"op": "replace", "path": "/data_stores/0/backups/enabled", "value": false}])
	status(rule.claims, "data_stores[0].backups.enabled") == "verified" with input as not_versioned
	some f in rule.deny with input as inp
	f.msg == "data_stores[0].backups.enabled says true, but aws_s3_bucket.invoices sets versioning to false"
}

test_expression_leaves_the_claim_unverified if {
	inp := object.union(review, {"_artefacts": orders({"backup_retention_days": {"unknown": true, "expression": "var.retention", "at": at(7)}})})
	count(rule.deny) == 0 with input as inp
	claims := rule.claims with input as inp
	count(claims) == 3
	every c in claims {
		c.status == "unverified"
		c.at == at(7)
		c.observed == null
	}
}

test_string_retention_is_not_compared if {
	inp := object.union(review, {"_artefacts": orders({"backup_retention_days": {"value": "35", "at": at(7)}})})
	claims := rule.claims with input as inp
	every c in claims {
		c.status == "unverified"
	}
}

test_without_terraform_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# Terraform was read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"terraform": {}}})

test_when_nothing_speaks_the_claims_are_unverified_and_pass if {
	rule.applicable with input as nothing_read
	count(rule.deny) == 0 with input as nothing_read
	rule.claims == {
		{"path": "data_stores[0].backups.enabled", "status": "unverified", "claimed": true, "observed": null, "at": null},
		{"path": "data_stores[0].backups.retention_days", "status": "unverified", "claimed": 35, "observed": null, "at": null},
		{"path": "data_stores[0].backups.point_in_time", "status": "unverified", "claimed": true, "observed": null, "at": null},
	} with input as nothing_read
}

test_another_store_resource_does_not_speak if {
	inp := object.union(review, {"_artefacts": {"terraform": {"resources": [{
		"address": "aws_db_instance.audit", "kind": "relational", "name": "audit-db", "at": at(1),
		"facts": {"backup_retention_days": {"value": 0, "at": at(3)}},
	}]}}})
	count(rule.deny) == 0 with input as inp
}

test_one_claim_is_enough_to_apply if {
	rule.applicable with input as object.union({"data_stores": [{"name": "orders-db", "backups": {"enabled": true}}]}, {"_artefacts": {"terraform": {}}})
}

test_no_backup_claims_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
}

package archvet.rules.production_readiness.data_residency_test

import rego.v1

import data.archvet.rules.production_readiness.data_residency as rule

paths(findings) := {f.path | some f in findings}

eu_design(regions, store) := {
	"data": {"pii": true, "residency": ["eu"]},
	"deployment": {"regions": regions},
	"data_stores": [store],
}

users := {
	"name": "users",
	"contains_pii": true,
	"replication": {"cross_region": true, "regions": ["eu-central-1"]},
	"backups": {"cross_region": true, "regions": ["europe-west1"]},
}

test_applicability if {
	rule.applicable with input as {"data_stores": [{"name": "users", "contains_pii": true}]}
	not rule.applicable with input as {"data": {"pii": false}}
}

test_everything_inside_the_residency_passes if {
	count(rule.deny) == 0 with input as eu_design(["eu-west-1", "eu-central-1"], users)
	count(rule.unanswered) == 0 with input as eu_design(["eu-west-1", "eu-central-1"], users)
}

# R1: EU-only data, deployed in eu-west-1 and us-east-1.
test_r1_deployment_outside_the_residency_fails if {
	findings := rule.deny with input as eu_design(["eu-west-1", "us-east-1"], users)
	paths(findings) == {"deployment.regions[1]"}
	some f in findings
	contains(f.msg, "us-east-1")
}

test_replica_and_backup_outside_the_residency_fail if {
	store := json.patch(users, [
		{"op": "replace", "path": "/replication/regions", "value": ["us-west-2"]},
		{"op": "replace", "path": "/backups/regions", "value": ["eu-west-1", "ap-south-1"]},
	])
	paths(rule.deny) == {"data_stores[0].replication.regions[0]", "data_stores[0].backups.regions[1]"} with input as eu_design(["eu-west-1"], store)
}

test_exact_region_residency if {
	design := {"data": {"pii": true, "residency": ["eu-west-1"]}, "deployment": {"regions": ["eu-west-1", "eu-west-2"]}}
	paths(rule.deny) == {"deployment.regions[1]"} with input as design
}

test_empty_residency_fails if {
	paths(rule.deny) == {"data.residency"} with input as {"data": {"pii": true, "residency": []}}
}

test_missing_residency_is_an_open_question if {
	paths(rule.unanswered) == {"data.residency"} with input as {"data_stores": [{"name": "users", "contains_pii": true}]}
	count(rule.deny) == 0 with input as {"data_stores": [{"name": "users", "contains_pii": true}]}
}

test_unnamed_copy_regions_are_open_questions if {
	store := {"name": "users", "contains_pii": true, "replication": {"cross_region": true}, "backups": {"cross_region": true}}
	paths(rule.unanswered) == {"data_stores[0].replication.regions", "data_stores[0].backups.regions"} with input as eu_design(["eu-west-1"], store)
}

test_pii_without_data_stores_is_unanswered if {
	design := {"data": {"pii": true, "residency": ["eu"]}, "deployment": {"regions": ["eu-west-1"]}}
	paths(rule.unanswered) == {"data_stores"} with input as design
}

test_missing_deployment_regions_is_unanswered if {
	design := json.remove(eu_design(["eu-west-1"], users), ["/deployment"])
	paths(rule.unanswered) == {"deployment.regions"} with input as design
}

test_backups_not_stated_is_unanswered if {
	store := json.remove(users, ["/backups"])
	paths(rule.unanswered) == {"data_stores[0].backups.cross_region"} with input as eu_design(["eu-west-1"], store)
}

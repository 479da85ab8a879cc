package archvet.rules.well_architected.reliability_multi_region_test

import rego.v1

import data.archvet.rules.well_architected.reliability_multi_region as rule

test_two_region_standby_passes if {
	count(rule.deny) == 0 with input as {
		"disaster_recovery": {"multi_region": true, "strategy": "warm-standby"},
		"deployment": {"regions": ["eu-west-1", "eu-central-1"]},
	}
}

test_backup_restore_in_one_region_passes if {
	count(rule.deny) == 0 with input as {
		"disaster_recovery": {"multi_region": true, "strategy": "backup-restore"},
		"deployment": {"regions": ["eu-west-1"]},
	}
}

test_single_region_fails if {
	findings := rule.deny with input as {"disaster_recovery": {"multi_region": false}}
	count(findings) == 1
	some f in findings
	f.path == "disaster_recovery.multi_region"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"deployment": {"regions": ["eu-west-1"]}}
	f.path == "disaster_recovery.multi_region"
	contains(f.msg, "does not say")
}

test_claim_without_second_region_fails if {
	some f in rule.deny with input as {
		"disaster_recovery": {"multi_region": true, "strategy": "active-active"},
		"deployment": {"regions": ["eu-west-1"]},
	}
	f.path == "deployment.regions"
	contains(f.msg, "active-active")
}

test_tier_1_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 1}}
}

standby := {
	"service": {"tier": 0},
	"disaster_recovery": {"multi_region": true, "strategy": "warm-standby"},
	"deployment": {"regions": ["eu-west-1", "eu-central-1"]},
}

# E12: a warm standby whose primary store does not replicate across regions.
test_standby_without_cross_region_replication_fails if {
	inp := object.union(standby, {"data_stores": [
		{"name": "sessions", "kind": "cache", "replication": {"cross_region": false}},
		{"name": "orders-db", "kind": "relational", "replication": {"cross_region": false}},
	]})
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"data_stores[1].replication.cross_region"} with input as inp
}

test_standby_with_cross_region_replication_passes if {
	inp := object.union(standby, {"data_stores": [{"name": "orders-db", "replication": {"cross_region": true}}]})
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_standby_replication_unstated_is_unanswered if {
	inp := object.union(standby, {"data_stores": [{"name": "orders-db"}]})
	{f.path | some f in rule.unanswered} == {"data_stores[0].replication.cross_region"} with input as inp
}

test_backup_restore_with_in_region_backups_fails if {
	inp := {
		"service": {"tier": 0},
		"disaster_recovery": {"multi_region": true, "strategy": "backup-restore"},
		"data_stores": [{"name": "orders-db", "backups": {"cross_region": false}}],
	}
	{f.path | some f in rule.deny} == {"data_stores[0].backups.cross_region"} with input as inp
}

test_strategy_unstated_is_unanswered if {
	inp := {"service": {"tier": 0}, "disaster_recovery": {"multi_region": true}, "deployment": {"regions": ["a"]}, "data_stores": []}
	{f.path | some f in rule.unanswered} == {"disaster_recovery.strategy"} with input as inp
	some f in rule.deny with input as inp
	contains(f.msg, "no recovery strategy")
}

test_data_stores_deleted_is_unanswered if {
	inp := {
		"service": {"tier": 0},
		"disaster_recovery": {"multi_region": true, "strategy": "warm-standby"},
		"deployment": {"regions": ["eu-west-1", "eu-central-1"]},
	}
	{f.path | some f in rule.unanswered} == {"data_stores"} with input as inp
	count(rule.deny) == 0 with input as inp
}

package archvet.rules.production_readiness.backup_cross_region_test

import rego.v1

import data.archvet.rules.production_readiness.backup_cross_region as rule

test_cross_region_copies_pass if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "backups": {"enabled": true, "cross_region": true}},
		{"name": "sessions", "kind": "cache"},
	]}
}

test_same_region_backups_fail if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "backups": {"enabled": true, "cross_region": true}},
		{"name": "ledger", "backups": {"enabled": true, "cross_region": false}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].backups.cross_region"
	contains(f.msg, "ledger")
}

test_replica_does_not_count if {
	some f in rule.unanswered with input as {"data_stores": [{
		"name": "ledger",
		"backups": {"enabled": true},
		"replication": {"cross_region": true},
	}]}
	f.path == "data_stores[0].backups.cross_region"
}

test_tier_1_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "x", "owner": "t", "tier": 1},
		"data_stores": [{"name": "ledger"}],
	}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}, "data_stores": [{"name": "ledger", "kind": "relational"}]}
}

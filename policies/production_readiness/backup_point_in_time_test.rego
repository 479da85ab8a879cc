package archvet.rules.production_readiness.backup_point_in_time_test

import rego.v1

import data.archvet.rules.production_readiness.backup_point_in_time as rule

test_point_in_time_passes if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational", "backups": {"point_in_time": true}},
		{"name": "files", "kind": "object", "backups": {"enabled": true}},
	]}
}

test_snapshot_only_fails if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational", "backups": {"point_in_time": true}},
		{"name": "profiles", "kind": "document", "backups": {"enabled": true, "point_in_time": false}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].backups.point_in_time"
	contains(f.msg, "profiles")
}

test_unstated_point_in_time_fails if {
	some f in rule.unanswered with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
	f.path == "data_stores[0].backups.point_in_time"
	contains(f.msg, "does not say")
}

test_tier_2_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "x", "owner": "t", "tier": 2},
		"data_stores": [{"name": "orders-db", "kind": "relational"}],
	}
}

test_no_transactional_store_not_applicable if {
	not rule.applicable with input as {"data_stores": [
		{"name": "files", "kind": "object"},
		{"name": "orders-replica", "kind": "relational", "role": "replica"},
	]}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}, "data_stores": [{"name": "ledger", "kind": "relational"}]}
}

# An organisation whose key-value stores hold orders asks them too.
test_override_of_the_store_kinds if {
	inp := {"data_stores": [{"name": "orders", "kind": "key-value", "backups": {"enabled": true, "point_in_time": false}}]}
	not rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"data_stores[0].backups.point_in_time"} with input as inp
		with data.archvet.params as {"PR302": {"store_kinds": [["key-value"], ["key-value"], ["key-value"], ["key-value"]]}}
}

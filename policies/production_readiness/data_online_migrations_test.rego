package archvet.rules.production_readiness.data_online_migrations_test

import rego.v1

import data.archvet.rules.production_readiness.data_online_migrations as rule

test_online_migrations_pass if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational", "migrations": {"strategy": "online-tool", "lock_free": true}},
		{"name": "profiles", "kind": "document"},
	]}
}

test_offline_migrations_fail if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational", "migrations": {"strategy": "expand-contract", "lock_free": true}},
		{"name": "ledger", "kind": "relational", "migrations": {"strategy": "offline", "lock_free": true}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].migrations.strategy"
	contains(f.msg, "offline")
}

test_locking_migrations_fail if {
	some f in rule.deny with input as {"data_stores": [{
		"name": "ledger", "kind": "relational",
		"migrations": {"strategy": "expand-contract", "lock_free": false},
	}]}
	f.path == "data_stores[0].migrations.lock_free"
}

test_unstated_migrations_ask_twice if {
	count(rule.deny) == 0 with input as {"data_stores": [{"name": "ledger", "kind": "relational"}]}
	findings := rule.unanswered with input as {"data_stores": [{"name": "ledger", "kind": "relational"}]}
	{f.path | some f in findings} == {"data_stores[0].migrations.strategy", "data_stores[0].migrations.lock_free"}
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "x", "owner": "t", "tier": 3},
		"data_stores": [{"name": "ledger", "kind": "relational"}],
	}
}

test_no_relational_store_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "profiles", "kind": "document"}]}
}

# Bug 17: the message reads "applied by hand", not "applied manual".
test_manual_migrations_read_as_english if {
	some f in rule.deny with input as {"data_stores": [{
		"name": "ledger", "kind": "relational",
		"migrations": {"strategy": "manual", "lock_free": true},
	}]}
	f.path == "data_stores[0].migrations.strategy"
	contains(f.msg, "are applied by hand,")
}

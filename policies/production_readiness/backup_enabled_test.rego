package archvet.rules.production_readiness.backup_enabled_test

import rego.v1

import data.archvet.rules.production_readiness.backup_enabled as rule

test_backed_up_stores_pass if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational", "backups": {"enabled": true}},
		{"name": "sessions", "kind": "cache"},
		{"name": "search", "kind": "search", "role": "read-model"},
	]}
}

test_disabled_backups_fail if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "backups": {"enabled": true}},
		{"name": "ledger", "kind": "relational", "backups": {"enabled": false}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].backups.enabled"
	contains(f.msg, "ledger")
	contains(f.msg, "disabled")
}

test_unstated_backups_fail if {
	some f in rule.unanswered with input as {"data_stores": [{"name": "ledger", "kind": "document"}]}
	f.path == "data_stores[0].backups.enabled"
	contains(f.msg, "does not say")
}

test_only_caches_and_queues_not_applicable if {
	not rule.applicable with input as {"data_stores": [
		{"name": "sessions", "kind": "cache"},
		{"name": "jobs", "kind": "queue"},
		{"name": "orders-replica", "kind": "relational", "role": "replica"},
	]}
}

# The review's mutant (`> 0` to `> 5`) switched PR300 off unnoticed: one
# store is enough to make it apply.
test_one_source_store_makes_it_applicable if {
	rule.applicable with input as {"data_stores": [{"name": "ledger"}]}
	not rule.applicable with input as {"data_stores": [{"name": "c", "kind": "cache"}, {"name": "q", "kind": "queue"}]}
}

test_unstated_backups_are_an_open_question if {
	{f.path | some f in rule.unanswered} == {"data_stores[0].backups.enabled"} with input as {"data_stores": [{"name": "ledger"}]}
	count(rule.deny) == 0 with input as {"data_stores": [{"name": "ledger"}]}
}

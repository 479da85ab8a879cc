package archvet.rules.production_readiness.dr_store_multi_az_test

import rego.v1

import data.archvet.rules.production_readiness.dr_store_multi_az as rule

test_replicated_stores_pass if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "replication": {"mode": "sync", "multi_az": true}},
		{"name": "files", "kind": "object", "managed": true, "replication": {"multi_az": true}},
		{"name": "sessions", "kind": "cache"},
	]}
}

test_single_zone_store_fails if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "replication": {"mode": "sync", "multi_az": true}},
		{"name": "ledger", "replication": {"mode": "none", "multi_az": false}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].replication.multi_az"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"data_stores": [{"name": "ledger"}]}
	f.path == "data_stores[0].replication.multi_az"
}

test_contradiction_fails if {
	some f in rule.deny with input as {"data_stores": [{"name": "ledger", "replication": {"mode": "none", "multi_az": true}}]}
	f.path == "data_stores[0].replication.mode"
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "x", "owner": "t", "tier": 3},
		"data_stores": [{"name": "ledger"}],
	}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}, "data_stores": [{"name": "ledger", "kind": "relational"}]}
}

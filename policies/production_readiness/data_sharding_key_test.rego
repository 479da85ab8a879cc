package archvet.rules.production_readiness.data_sharding_key_test

import rego.v1

import data.archvet.rules.production_readiness.data_sharding_key as rule

test_named_even_keys_pass if {
	count(rule.deny) == 0 with input as {
		"processes": {"id_generation": "uuid"},
		"data_stores": [
			{"name": "orders", "partitioning": "range", "sharding_key": "customer_id"},
			{"name": "sessions", "kind": "cache", "partitioning": "consistent-hash", "sharding_key": "session_id"},
			{"name": "users", "partitioning": "none"},
			{"name": "audit"},
		],
	}
}

test_missing_key_fails if {
	findings := rule.unanswered with input as {"data_stores": [
		{"name": "orders", "partitioning": "hash", "sharding_key": "customer_id"},
		{"name": "events", "partitioning": "hash"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].sharding_key"
	contains(f.msg, "events")
}

test_range_on_timestamp_fails if {
	some f in rule.deny with input as {"data_stores": [{"name": "events", "partitioning": "range", "sharding_key": "created_at"}]}
	f.path == "data_stores[0].sharding_key"
	contains(f.msg, "only grows")
}

test_range_on_sequential_id_fails if {
	some f in rule.deny with input as {
		"processes": {"id_generation": "database-sequence"},
		"data_stores": [{"name": "orders", "partitioning": "range", "sharding_key": "order_id"}],
	}
	f.path == "data_stores[0].sharding_key"
}

test_plain_hash_cache_fails if {
	some f in rule.deny with input as {"data_stores": [{"name": "sessions", "kind": "cache", "partitioning": "hash", "sharding_key": "session_id"}]}
	f.path == "data_stores[0].partitioning"
}

test_unpartitioned_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "users", "partitioning": "none"}, {"name": "audit"}]}
}

test_cover_applicable if {
	rule.applicable with input as {"data_stores": [{"name": "ledger", "partitioning": "hash"}]}
}

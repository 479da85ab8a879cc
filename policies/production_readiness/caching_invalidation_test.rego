package archvet.rules.production_readiness.caching_invalidation_test

import rego.v1

import data.archvet.rules.production_readiness.caching_invalidation as rule

test_invalidated_caches_pass if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational"},
		{"name": "catalogue-cache", "kind": "cache", "cache": {"invalidation": "ttl", "ttl_seconds": 300}},
		{"name": "prices", "kind": "key-value", "role": "cache", "cache": {"invalidation": "event-driven"}},
	]}
}

test_never_invalidated_cache_fails if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational"},
		{"name": "catalogue-cache", "kind": "cache", "cache": {"invalidation": "none"}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].cache.invalidation"
	contains(f.msg, "catalogue-cache")
}

test_unstated_invalidation_fails if {
	some f in rule.unanswered with input as {"data_stores": [{"name": "prices", "role": "cache"}]}
	f.path == "data_stores[0].cache.invalidation"
	contains(f.msg, "does not say")
}

test_ttl_without_lifetime_fails if {
	some f in rule.unanswered with input as {"data_stores": [{"name": "prices", "kind": "cache", "cache": {"invalidation": "ttl"}}]}
	f.path == "data_stores[0].cache.ttl_seconds"
}

test_no_cache_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
}

test_cover_applicable if {
	rule.applicable with input as {"data_stores": [{"name": "sessions", "kind": "cache"}]}
}

test_cover_zero_ttl_denied if {
	store := {"name": "sessions", "kind": "cache", "cache": {"invalidation": "ttl", "ttl_seconds": 0}}
	{f.path | some f in rule.deny} == {"data_stores[0].cache.ttl_seconds"} with input as {"data_stores": [store]}
}

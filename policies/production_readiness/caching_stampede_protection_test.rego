package archvet.rules.production_readiness.caching_stampede_protection_test

import rego.v1

import data.archvet.rules.production_readiness.caching_stampede_protection as rule

test_protected_caches_pass if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "catalogue-cache", "kind": "cache", "cache": {"stampede_protection": true}},
		{"name": "orders-db", "kind": "relational"},
	]}
}

test_unprotected_cache_fails if {
	inp := {
		"service": {"name": "shop", "owner": "team", "tier": 2},
		"data_stores": [
			{"name": "catalogue-cache", "kind": "cache", "cache": {"stampede_protection": true}},
			{"name": "prices", "role": "cache", "cache": {"stampede_protection": false}},
			{"name": "sessions", "kind": "cache"},
		],
	}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"data_stores[1].cache.stampede_protection"} with input as inp
	{f.path | some f in rule.unanswered} == {"data_stores[2].cache.stampede_protection"} with input as inp
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "tool", "owner": "team", "tier": 3},
		"data_stores": [{"name": "catalogue-cache", "kind": "cache"}],
	}
}

test_no_cache_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
}

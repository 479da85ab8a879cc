package archvet.rules.production_readiness.caching_stale_on_error_test

import rego.v1

import data.archvet.rules.production_readiness.caching_stale_on_error as rule

test_stale_serving_caches_pass if {
	count(rule.deny) == 0 with input as {
		"dependencies": [{"name": "catalogue", "criticality": "hard"}],
		"data_stores": [
			{"name": "catalogue-cache", "kind": "cache", "cache": {"stale_if_error": true}},
			{"name": "prices", "role": "cache", "cache": {"stale_if_error": true, "stale_while_revalidate": true}},
			{"name": "orders-db", "kind": "relational"},
		],
	}
}

# E5: stale-while-revalidate does not serve through an origin failure (RFC 5861).
test_e5_revalidate_is_not_stale_if_error if {
	inp := {
		"dependencies": [{"name": "catalogue", "criticality": "hard"}],
		"data_stores": [{"name": "prices", "role": "cache", "cache": {"stale_if_error": false, "stale_while_revalidate": true}}],
	}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"data_stores[0].cache.stale_if_error"} with input as inp
}

test_cached_fallback_without_stale_cache_fails if {
	findings := rule.deny with input as {
		"dependencies": [{"name": "catalogue", "criticality": "soft", "fallback": "cached-response"}],
		"data_stores": [{"name": "prices", "kind": "cache", "cache": {"stale_if_error": false}}],
	}
	{f.path | some f in findings} == {"data_stores[0].cache.stale_if_error", "dependencies[0].fallback"}
}

test_cache_without_stale_serving_fails if {
	findings := rule.deny with input as {
		"dependencies": [{"name": "catalogue", "criticality": "soft", "fallback": "cached-response"}],
		"data_stores": [
			{"name": "catalogue-cache", "kind": "cache", "cache": {"stale_if_error": true}},
			{"name": "prices", "kind": "cache", "cache": {"stale_if_error": false, "stale_while_revalidate": false}},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].cache.stale_if_error"
	contains(f.msg, "prices")
}

test_unstated_stale_serving_fails if {
	some f in rule.unanswered with input as {
		"dependencies": [{"name": "catalogue"}],
		"data_stores": [{"name": "catalogue-cache", "kind": "cache"}],
	}
	f.path == "data_stores[0].cache.stale_if_error"
	contains(f.msg, "does not say")
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "tool", "owner": "team", "tier": 3},
		"dependencies": [{"name": "catalogue", "criticality": "hard"}],
		"data_stores": [{"name": "catalogue-cache", "kind": "cache"}],
	}
}

test_only_soft_dependencies_not_applicable if {
	not rule.applicable with input as {
		"dependencies": [{"name": "reviews", "criticality": "soft", "fallback": "default-value"}],
		"data_stores": [{"name": "reviews-cache", "kind": "cache"}],
	}
}

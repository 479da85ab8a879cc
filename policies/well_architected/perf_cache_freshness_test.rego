package archvet.rules.well_architected.perf_cache_freshness_test

import rego.v1

import data.archvet.rules.well_architected.perf_cache_freshness

test_event_driven_passes if {
	count(perf_cache_freshness.deny) == 0 with input as {"data_stores": [{"name": "c", "kind": "cache", "cache": {"invalidation": "event-driven"}}]}
}

test_no_invalidation_fails if {
	findings := perf_cache_freshness.deny with input as {"data_stores": [
		{"name": "db", "kind": "relational"},
		{"name": "c", "role": "cache", "cache": {"invalidation": "none"}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].cache.invalidation"
}

test_ttl_without_value_fails if {
	findings := perf_cache_freshness.deny with input as {"data_stores": [{"name": "c", "kind": "cache", "cache": {"invalidation": "ttl"}}]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[0].cache.ttl_seconds"
}

test_unstated_fails if {
	some f in perf_cache_freshness.deny with input as {"data_stores": [{"name": "c", "kind": "cache"}]}
	f.path == "data_stores[0].cache.invalidation"
}

test_no_cache_not_applicable if {
	not perf_cache_freshness.applicable with input as {"data_stores": [{"name": "db", "kind": "relational"}]}
}

package archvet.rules.production_readiness.caching_not_source_of_truth_test

import rego.v1

import data.archvet.rules.production_readiness.caching_not_source_of_truth as rule

test_cache_as_copy_passes if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational", "role": "source-of-truth"},
		{"name": "orders-cache", "kind": "cache", "role": "cache"},
	]}
}

test_cache_as_source_of_truth_fails if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational", "role": "source-of-truth"},
		{"name": "sessions", "kind": "cache", "role": "source-of-truth"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].role"
	contains(f.msg, "sessions")
}

test_no_cache_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
}

test_cover_applicable if {
	rule.applicable with input as {"data_stores": [{"name": "sessions", "kind": "cache"}]}
}

package archvet.rules.well_architected.perf_data_store_engine_test

import rego.v1

import data.archvet.rules.well_architected.perf_data_store_engine

test_declared_passes if {
	count(perf_data_store_engine.deny) == 0 with input as {"data_stores": [{"name": "c", "kind": "cache", "engine": "Redis"}]}
}

test_missing_engine_fails if {
	findings := perf_data_store_engine.deny with input as {"data_stores": [
		{"name": "db"},
		{"name": "idx", "kind": "search", "role": "read-model"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].engine"
	contains(f.msg, "read-model")
}

test_missing_both_fails_twice if {
	findings := perf_data_store_engine.deny with input as {"data_stores": [{"name": "r", "role": "replica"}]}
	{f.path | some f in findings} == {"data_stores[0].kind", "data_stores[0].engine"}
}

test_source_stores_not_applicable if {
	not perf_data_store_engine.applicable with input as {"data_stores": [{"name": "db", "role": "source-of-truth"}]}
}

package archvet.rules.well_architected.perf_large_store_partitioning_test

import rego.v1

import data.archvet.rules.well_architected.perf_large_store_partitioning

test_partitioned_passes if {
	count(perf_large_store_partitioning.deny) == 0 with input as {"data_stores": [{"name": "e", "size_gb": 5000, "partitioning": "hash"}]}
}

test_deliberately_unpartitioned_passes if {
	count(perf_large_store_partitioning.deny) == 0 with input as {"data_stores": [{"name": "e", "size_gb": 1200, "partitioning": "none"}]}
}

test_unstated_fails if {
	findings := perf_large_store_partitioning.deny with input as {"data_stores": [
		{"name": "small", "size_gb": 20},
		{"name": "big", "size_gb": 3000},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].partitioning"
}

test_small_stores_not_applicable if {
	not perf_large_store_partitioning.applicable with input as {"data_stores": [{"name": "s", "size_gb": 10}, {"name": "t"}]}
}

package archvet.rules.well_architected.perf_large_store_partitioning_test

import rego.v1

import data.archvet.rules.well_architected.perf_large_store_partitioning

test_partitioned_passes if {
	count(perf_large_store_partitioning.unanswered) == 0 with input as {"data_stores": [{"name": "e", "size_gb": 5000, "partitioning": "hash"}]}
}

test_deliberately_unpartitioned_passes if {
	count(perf_large_store_partitioning.unanswered) == 0 with input as {"data_stores": [{"name": "e", "size_gb": 1200, "partitioning": "none"}]}
}

test_unstated_fails if {
	findings := perf_large_store_partitioning.unanswered with input as {"data_stores": [
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

test_unpartitioned_at_limit_passes_each_tier if {
	every t, gb in [5000, 10000, 10000, 20000] {
		count(perf_large_store_partitioning.deny) == 0 with input as {"service": {"tier": t}, "data_stores": [{"name": "e", "size_gb": gb, "partitioning": "none"}]}
	}
}

test_unpartitioned_beyond_limit_fails_each_tier if {
	every t, gb in [5000, 10000, 10000, 20000] {
		case37 := {"service": {"tier": t}, "data_stores": [{"name": "e", "size_gb": gb + 1, "partitioning": "none"}]}
		{f.path | some f in perf_large_store_partitioning.deny} == {"data_stores[0].partitioning"} with input as case37
	}
}

test_large_store_boundary if {
	perf_large_store_partitioning.applicable with input as {"data_stores": [{"name": "e", "size_gb": 1000}]}
	not perf_large_store_partitioning.applicable with input as {"data_stores": [{"name": "e", "size_gb": 999}]}
}

test_override_max_unpartitioned if {
	count(perf_large_store_partitioning.deny) == 1 with input as {"service": {"tier": 1}, "data_stores": [{"name": "e", "size_gb": 2000, "partitioning": "none"}]}
		with data.archvet.params as {"WA337": {"max_unpartitioned_gb": [1500, 1500, 1500, 1500]}}
}

# METADATA
# title: Large data stores state how their data is partitioned
# description: |-
#   Query latency, index rebuilds, vacuuming and backups all slow down as a
#   single table or collection grows into the terabytes, and partitioning a
#   store that is already that large is one of the hardest migrations there
#   is. A store expected to reach a terabyte within a year should say whether
#   its data is spread by hash or range, or state that it deliberately is
#   not, while the choice is still cheap to make.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_data_implement_strategies_to_improve_query_performance.html
#     description: PERF03-BP04 Implement strategies to improve query performance in data store
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_data_evaluate_configuration_options_data_store.html
#     description: PERF03-BP02 Evaluate available configuration options for data store
# custom:
#   id: WA337
#   severity: low
#   level: proactive
#   check: threshold
#   best_practices: [PERF03-BP04, PERF03-BP02]
#   params:
#     large_store_gb:
#       description: expected size from which a store must say how it is partitioned
#       value: 1000
#     max_unpartitioned_gb:
#       description: largest store that may deliberately stay in one partition
#       tiers: [5000, 10000, 10000, 20000]
#   frameworks:
#     well-architected: performance-efficiency
#     production-readiness: capacity
#   remediation: |-
#     For each store expected to exceed 1 TB, decide how it is partitioned
#     (hash or consistent hash for even spread, range for time-ordered data
#     that is queried and expired by period) and record `partitioning` and
#     `sharding_key`; set `partitioning: none` if a single partition was
#     chosen on purpose, which holds up to `max_unpartitioned_gb`.
#   applicability: Data stores whose expected size within a year (size_gb) is 1000 GB or more.
#   example: |-
#     data_stores:
#       - name: events
#         kind: relational
#         size_gb: 4000
#         partitioning: range
#         sharding_key: occurred_on
package archvet.rules.well_architected.perf_large_store_partitioning

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

large contains [i, store] if {
	some i, store in lib.data_stores
	object.get(store, "size_gb", 0) >= params.large_store_gb
}

applicable if count(large) > 0

unanswered contains lib.finding(msg, sprintf("data_stores[%d].partitioning", [i])) if {
	some [i, store] in large
	object.get(store, "partitioning", "") == ""
	msg := sprintf("store %q is expected to reach %v gb but the design does not say how its data is partitioned", [store.name, store.size_gb])
}

deny contains lib.finding(msg, sprintf("data_stores[%d].partitioning", [i])) if {
	some [i, store] in large
	object.get(store, "partitioning", "") == "none"
	store.size_gb > params.max_unpartitioned_gb
	msg := sprintf(
		"store %q is expected to reach %v gb in a single partition, beyond the %v gb one partition should hold",
		[store.name, store.size_gb, params.max_unpartitioned_gb],
	)
}

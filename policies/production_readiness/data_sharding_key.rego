# METADATA
# title: Partitioned stores name a sharding key that spreads load evenly
# description: |-
#   Partitioning only scales if writes and reads spread across the
#   partitions. The key decides that, so it has to be a deliberate, recorded
#   choice: range partitioning on a key that only grows (a timestamp, a
#   sequence, a time-ordered id) sends every new write to the last partition,
#   and a cache spread with plain modulo hashing remaps most keys whenever a
#   node is added or lost, emptying the cache at the worst moment. Consistent
#   hashing or a high-cardinality, evenly used key avoids both.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/performance-efficiency-pillar/perf_data_evaluate_configuration_options_data_store.html
#     description: PERF03-BP02 Evaluate available configuration options for data store
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_use_bulkhead.html
#     description: REL10-BP03 Use bulkhead architectures to limit scope of impact (data partitions)
# custom:
#   id: PR319
#   best_practices: [PERF03-BP02]
#   severity: medium
#   check: threshold
#   level: strategic
#   frameworks:
#     production-readiness: capacity
#     well-architected: performance-efficiency
#   remediation: |-
#     Record the key each partitioned store is spread by in
#     `data_stores[].sharding_key`. Prefer a high-cardinality key used evenly
#     by the workload (customer or order id with random ids); with range
#     partitioning avoid keys that only grow, or prefix them with a hash.
#     Spread caches with consistent hashing (`partitioning: consistent-hash`).
#   applicability: The design declares a data store with partitioning other than none.
#   example: |-
#     processes:
#       id_generation: uuid
#     data_stores:
#       - name: orders-db
#         kind: key-value
#         partitioning: hash
#         sharding_key: customer_id
#       - name: sessions
#         kind: cache
#         partitioning: consistent-hash
#         sharding_key: session_id
package archvet.rules.production_readiness.data_sharding_key

import rego.v1

import data.archvet.lib

partitioned_stores contains [i, store] if {
	some i, store in lib.data_stores
	not object.get(store, "partitioning", "none") == "none"
}

# Identifier schemes whose values grow over time.
ordered_id_schemes := {"database-sequence", "single-counter", "snowflake", "ulid"}

# A key that only grows: a time, a sequence, or an id from an ordered scheme.
monotonic(key) if regex.match(`(?i)(time|date|created|updated|_at$|^at$|seq)`, key)

monotonic(key) if {
	regex.match(`(^id$|_id$|[a-z]Id$|^ID$|_ID$)`, key)
	object.get(input, ["processes", "id_generation"], "") in ordered_id_schemes
}

is_cache(store) if object.get(store, "kind", "") == "cache"

is_cache(store) if object.get(store, "role", "") == "cache"

applicable if count(partitioned_stores) > 0

unanswered contains lib.finding(msg, path) if {
	some [i, store] in partitioned_stores
	object.get(store, "sharding_key", "") == ""
	msg := sprintf("data store %q is partitioned (%s) but the design does not name the key it is spread by", [store.name, store.partitioning])
	path := sprintf("data_stores[%d].sharding_key", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, store] in partitioned_stores
	store.partitioning == "range"
	key := object.get(store, "sharding_key", "")
	monotonic(key)
	msg := sprintf(
		"data store %q is range-partitioned on %q, a key that only grows, so every new write lands on the last partition",
		[store.name, key],
	)
	path := sprintf("data_stores[%d].sharding_key", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, store] in partitioned_stores
	store.partitioning == "hash"
	is_cache(store)
	msg := sprintf("cache %q is spread with plain hashing, so adding or losing a node remaps most keys; use consistent hashing", [store.name])
	path := sprintf("data_stores[%d].partitioning", [i])
}

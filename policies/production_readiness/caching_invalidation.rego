# METADATA
# title: Every cache has an invalidation strategy
# description: |-
#   A cache trades freshness for speed, and the design has to say how much
#   staleness is acceptable and how it is bounded. A cache that never drops
#   entries serves outdated prices, permissions or stock levels until
#   someone flushes it by hand, usually during an incident. Expiry by time,
#   invalidation on change events or write-through each bound the staleness;
#   a time-based expiry needs an actual lifetime.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf03-bp05.html
#     description: PERF03-BP05 Implement data access patterns that utilize caching
# custom:
#   id: PR220
#   severity: medium
#   level: reactive
#   check: threshold
#   best_practices: [PERF03-BP05]
#   frameworks:
#     production-readiness: capacity
#     well-architected: performance-efficiency
#   remediation: |-
#     Choose how each cache drops outdated entries and record it in
#     `data_stores[].cache.invalidation`: `ttl` with a
#     `cache.ttl_seconds` matching how stale the data may be,
#     `event-driven` when the owner publishes changes, or `write-through`
#     when the service itself writes the data.
#   applicability: The design declares at least one cache (a data store of kind cache or role cache).
#   example: |-
#     data_stores:
#       - name: catalogue-cache
#         kind: cache
#         role: cache
#         cache:
#           invalidation: ttl
#           ttl_seconds: 300
package archvet.rules.production_readiness.caching_invalidation

import rego.v1

import data.archvet.lib

is_cache(store) if object.get(store, "kind", null) == "cache"

is_cache(store) if object.get(store, "role", null) == "cache"

caches contains [i, store] if {
	some i, store in lib.data_stores
	is_cache(store)
}

applicable if count(caches) > 0

deny contains lib.finding(msg, path) if {
	some [i, store] in caches
	object.get(store, ["cache", "invalidation"], null) == "none"
	msg := sprintf("cache %q never invalidates its entries, so it serves outdated data without bound", [store.name])
	path := sprintf("data_stores[%d].cache.invalidation", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, store] in caches
	object.get(store, ["cache", "invalidation"], null) == "ttl"
	object.get(store, ["cache", "ttl_seconds"], null) == 0
	msg := sprintf("cache %q expires entries by ttl but gives them a lifetime of 0", [store.name])
	path := sprintf("data_stores[%d].cache.ttl_seconds", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in caches
	object.get(store, ["cache", "invalidation"], null) == null
	msg := sprintf("the design does not say how outdated entries leave cache %q", [store.name])
	path := sprintf("data_stores[%d].cache.invalidation", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in caches
	object.get(store, ["cache", "invalidation"], null) == "ttl"
	not is_number(object.get(store, ["cache", "ttl_seconds"], null))
	msg := sprintf("the design does not say how long entries of cache %q live", [store.name])
	path := sprintf("data_stores[%d].cache.ttl_seconds", [i])
}

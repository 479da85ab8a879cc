# METADATA
# title: Every cache says how its entries are kept fresh
# description: |-
#   A cache is only a performance win if its contents are trusted. Without an
#   invalidation strategy, entries live until memory pressure evicts them,
#   users see stale data, and teams respond by shrinking or bypassing the
#   cache, giving back the latency it was meant to save. Each cache should
#   state whether entries expire by time-to-live, are invalidated by events,
#   or are written through, and how long a time-based entry may live.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_data_access_patterns_caching.html
#     description: PERF03-BP05 Implement data access patterns that utilize caching
#   - ref: https://aws.amazon.com/caching/best-practices/
#     description: AWS, Caching best practices
# custom:
#   id: WA336
#   severity: medium
#   level: proactive
#   frameworks:
#     well-architected: performance-efficiency
#   remediation: |-
#     For each cache, choose `cache.invalidation` (`ttl`, `event-driven` or
#     `write-through`) from how stale the data may be, and for `ttl` set
#     `cache.ttl_seconds`.
#   applicability: Data stores that are caches (kind cache or role cache).
#   example: |-
#     data_stores:
#       - name: product-cache
#         kind: cache
#         cache:
#           invalidation: ttl
#           ttl_seconds: 300
package archvet.rules.well_architected.perf_cache_freshness

import rego.v1

import data.archvet.lib

caches contains [i, store] if {
	some i, store in lib.data_stores
	lib.get(store, "kind", "") == "cache"
}

caches contains [i, store] if {
	some i, store in lib.data_stores
	lib.get(store, "role", "") == "cache"
}

applicable if count(caches) > 0

deny contains lib.finding(msg, sprintf("data_stores[%d].cache.invalidation", [i])) if {
	some [i, store] in caches
	lib.get(store, ["cache", "invalidation"], "") == ""
	msg := sprintf("the design does not say how cache %q keeps its entries fresh", [store.name])
}

deny contains lib.finding(msg, sprintf("data_stores[%d].cache.invalidation", [i])) if {
	some [i, store] in caches
	lib.get(store, ["cache", "invalidation"], "") == "none"
	msg := sprintf("cache %q never invalidates its entries", [store.name])
}

deny contains lib.finding(msg, sprintf("data_stores[%d].cache.ttl_seconds", [i])) if {
	some [i, store] in caches
	lib.get(store, ["cache", "invalidation"], "") == "ttl"
	lib.get(store, ["cache", "ttl_seconds"], null) == null
	msg := sprintf("cache %q expires entries by ttl but does not say how long they live", [store.name])
}

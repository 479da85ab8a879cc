# METADATA
# title: Caches protect their origin from stampedes
# description: |-
#   When a popular entry expires, or a cache restarts empty, every request
#   that misses at that moment goes to the origin for the same data at once.
#   The sudden fan-in can overload a database or service that normally sees
#   only a trickle of misses, and its slowdown keeps the entry missing for
#   longer. Letting one caller recompute an entry while the others wait for
#   it, or refreshing entries before they expire, keeps the origin's load
#   flat.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf03-bp05.html
#     description: PERF03-BP05 Implement data access patterns that utilize caching
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (cold caches)
# custom:
#   id: PR222
#   severity: medium
#   level: proactive
#   check: presence
#   best_practices: [PERF03-BP05]
#   frameworks:
#     production-readiness: capacity
#     well-architected: performance-efficiency
#   remediation: |-
#     Coalesce concurrent misses for the same key (single flight or a short
#     lock), or refresh hot entries ahead of expiry, add jitter to entry
#     lifetimes so they do not expire together, and set
#     `data_stores[].cache.stampede_protection: true`.
#   applicability: Services of tier 0 to 2 that declare a cache (a data store of kind cache or role cache).
#   example: |-
#     data_stores:
#       - name: catalogue-cache
#         kind: cache
#         cache:
#           invalidation: ttl
#           ttl_seconds: 300
#           stampede_protection: true
package archvet.rules.production_readiness.caching_stampede_protection

import rego.v1

import data.archvet.lib

is_cache(store) if object.get(store, "kind", null) == "cache"

is_cache(store) if object.get(store, "role", null) == "cache"

caches contains [i, store] if {
	some i, store in lib.data_stores
	is_cache(store)
}

applicable if {
	lib.tier <= 2
	count(caches) > 0
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, store] in caches
	object.get(store, ["cache", "stampede_protection"], null) == null
	msg := sprintf("the design does not say whether cache %q coalesces concurrent misses", [store.name])
	path := sprintf("data_stores[%d].cache.stampede_protection", [i])
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, store] in caches
	object.get(store, ["cache", "stampede_protection"], null) == false
	msg := sprintf("cache %q sends every concurrent miss to the origin, which a stampede can overload", [store.name])
	path := sprintf("data_stores[%d].cache.stampede_protection", [i])
}

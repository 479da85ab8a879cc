# METADATA
# title: Caches can serve stale entries when the origin fails
# description: |-
#   A cache in front of a dependency the service relies on is the cheapest
#   fallback there is, but only if it keeps answering when the origin does
#   not. A cache that drops an expired entry and then waits on a failing
#   origin turns every expiry into an error. Serving the last known value
#   on error, or while a fresh one is fetched in the background, keeps
#   reads working through an origin outage and hides refresh latency from
#   users.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp01.html
#     description: REL05-BP01 Implement graceful degradation to transform applicable hard dependencies into soft dependencies
#   - ref: https://www.rfc-editor.org/rfc/rfc5861
#     description: RFC 5861, HTTP Cache-Control extensions for stale content (stale-while-revalidate, stale-if-error)
# custom:
#   id: PR221
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL05-BP01]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Let each cache return an expired entry when the origin errors or times
#     out (`data_stores[].cache.stale_if_error: true`), or refresh entries in
#     the background while serving the old value
#     (`cache.stale_while_revalidate: true`), with an upper bound on how
#     stale an answer may be.
#   applicability: Services of tier 0 to 2 that declare a cache and either have a hard synchronous dependency or fall back to cached responses.
#   example: |-
#     dependencies:
#       - name: catalogue
#         interaction: sync
#         criticality: hard
#         fallback: cached-response
#     data_stores:
#       - name: catalogue-cache
#         kind: cache
#         cache:
#           invalidation: ttl
#           ttl_seconds: 300
#           stale_if_error: true
package archvet.rules.production_readiness.caching_stale_on_error

import rego.v1

import data.archvet.lib

is_cache(store) if object.get(store, "kind", null) == "cache"

is_cache(store) if object.get(store, "role", null) == "cache"

caches contains [i, store] if {
	some i, store in lib.data_stores
	is_cache(store)
}

# The service leans on cached data when something it needs fails: a hard
# synchronous dependency (unclassified counts as hard), or a dependency whose
# fallback is a cached response.
relies_on_cache if {
	some [_, dep] in lib.sync_dependencies
	object.get(dep, "criticality", "hard") == "hard"
}

relies_on_cache if {
	some dep in lib.dependencies
	object.get(dep, "fallback", null) == "cached-response"
}

applicable if {
	lib.tier <= 2
	count(caches) > 0
	relies_on_cache
}

# RFC 5861: stale-while-revalidate serves an expired entry while a refresh
# runs, and gives no answer once the refresh fails; only stale-if-error
# keeps serving through an origin failure.
deny contains lib.finding(msg, path) if {
	applicable
	some [i, store] in caches
	store.cache.stale_if_error == false
	msg := sprintf("cache %q serves nothing once an entry expires and the origin fails", [store.name])
	path := sprintf("data_stores[%d].cache.stale_if_error", [i])
}

# A dependency falls back to cached responses, yet no cache may serve one
# when the origin fails.
deny contains lib.finding(msg, path) if {
	applicable
	some d, dep in lib.dependencies
	dep.fallback == "cached-response"
	every pair in caches {
		pair[1].cache.stale_if_error == false
	}
	msg := sprintf("dependency %q falls back to a cached response, but no cache serves a stale entry when the origin fails", [dep.name])
	path := sprintf("dependencies[%d].fallback", [d])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, store] in caches
	not is_boolean(object.get(store, ["cache", "stale_if_error"], null))
	msg := sprintf("the design does not say whether cache %q may serve stale entries when the origin fails", [store.name])
	path := sprintf("data_stores[%d].cache.stale_if_error", [i])
}

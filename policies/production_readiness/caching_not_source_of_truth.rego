# METADATA
# title: No cache is the source of truth for any data
# description: |-
#   Caches are built to forget: they evict under memory pressure, lose
#   everything on a restart or failover, and are rarely backed up. Data whose
#   only copy lives in a cache will be lost sooner or later, silently and
#   without a way to restore it. Whatever a cache holds must be rebuildable
#   from a durable store or the service that owns it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel09-bp01.html
#     description: REL09-BP01 Identify and back up all data that needs to be backed up, or reproduce the data from sources
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf03-bp05.html
#     description: PERF03-BP05 Implement data access patterns that utilize caching
# custom:
#   id: PR223
#   severity: high
#   level: reactive
#   check: threshold
#   best_practices: [REL09-BP01]
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Move the data to a durable store (relational, document or key-value
#     with persistence, replication and backups) and keep the cache as a copy
#     with `role: cache`. If the store really is durable, declare it with the
#     kind that says so instead of `kind: cache`.
#   applicability: The design declares at least one data store of kind cache.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         role: source-of-truth
#       - name: orders-cache
#         kind: cache
#         role: cache
package archvet.rules.production_readiness.caching_not_source_of_truth

import rego.v1

import data.archvet.lib

cache_kind_stores contains [i, store] if {
	some i, store in lib.data_stores
	object.get(store, "kind", null) == "cache"
}

applicable if count(cache_kind_stores) > 0

deny contains lib.finding(msg, path) if {
	some [i, store] in cache_kind_stores
	object.get(store, "role", null) == "source-of-truth"
	msg := sprintf("cache %q is declared as the source of truth, but a cache can lose its entries at any time", [store.name])
	path := sprintf("data_stores[%d].role", [i])
}

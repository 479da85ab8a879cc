# METADATA
# title: Caches, read models and replicas name their kind and engine
# description: |-
#   Supporting stores exist for performance: a cache in front of a slow
#   lookup, a search index or document read model shaped for a query, a
#   replica that takes reads off the primary. Whether they help depends on
#   picking a store built for that access pattern, and a supporting store
#   listed without a kind or engine shows the choice was never made, so it
#   cannot be sized, tuned or benchmarked. (Stores holding source data are
#   checked by WA253.)
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_data_use_purpose_built_data_store.html
#     description: PERF03-BP01 Use a purpose-built data store that best supports your data access and storage requirements
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_data_access_patterns_caching.html
#     description: PERF03-BP05 Implement data access patterns that utilize caching
# custom:
#   id: WA334
#   severity: low
#   level: proactive
#   frameworks:
#     well-architected: performance-efficiency
#   remediation: |-
#     For each cache, read model, replica or archive, set `kind` to the data
#     model that matches how it is read (for example key-value or cache for
#     lookups, search for full-text queries, warehouse for analytics) and
#     `engine` to the product chosen (Redis, OpenSearch, a PostgreSQL read
#     replica...).
#   applicability: Data stores whose role is cache, read-model, replica or archive, or whose kind is cache.
#   example: |-
#     data_stores:
#       - name: sessions
#         kind: cache
#         role: cache
#         engine: Redis
#       - name: product-search
#         kind: search
#         role: read-model
#         engine: OpenSearch
package archvet.rules.well_architected.perf_data_store_engine

import rego.v1

import data.archvet.lib

supporting contains [i, store] if {
	some i, store in lib.data_stores
	lib.get(store, "role", "") in {"cache", "read-model", "replica", "archive"}
}

supporting contains [i, store] if {
	some i, store in lib.data_stores
	lib.get(store, "kind", "") == "cache"
}

applicable if count(supporting) > 0

fields := {
	"kind": "kind of store",
	"engine": "engine",
}

deny contains lib.finding(msg, sprintf("data_stores[%d].%s", [i, field])) if {
	some [i, store] in supporting
	some field, label in fields
	trim_space(lib.get(store, field, "")) == ""
	msg := sprintf("%s store %q does not name its %s", [lib.get(store, "role", "cache"), store.name, label])
}

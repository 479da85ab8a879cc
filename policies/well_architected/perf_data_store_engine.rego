# METADATA
# title: Every data store states its kind and engine
# description: |-
#   The fastest way to a slow service is to force one general-purpose
#   database to serve every access pattern: key lookups, full-text search,
#   analytics and queues. Naming the kind of store (relational, key-value,
#   search, stream...) and the engine behind it shows the access pattern was
#   considered and lets reviewers spot a mismatch. An unnamed store also
#   cannot be sized, tuned or benchmarked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_data_use_purpose_built_data_store.html
#     description: PERF03-BP01 Use a purpose-built data store that best supports your data access and storage requirements
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_data_evaluate_configuration_options_data_store.html
#     description: PERF03-BP02 Evaluate available configuration options for data store
# custom:
#   id: WA334
#   severity: low
#   level: proactive
#   frameworks:
#     well-architected: performance-efficiency
#   remediation: |-
#     For each store, set `kind` to the data model that matches how the data
#     is read and written, and `engine` to the product chosen for it (for
#     example relational on PostgreSQL, key-value on DynamoDB, search on
#     OpenSearch).
#   applicability: The service declares at least one data store.
#   example: |-
#     data_stores:
#       - name: orders
#         kind: relational
#         engine: PostgreSQL
#       - name: sessions
#         kind: cache
#         engine: Redis
package archvet.rules.well_architected.perf_data_store_engine

import rego.v1

import data.archvet.lib

applicable if count(lib.data_stores) > 0

fields := {
	"kind": "kind of store",
	"engine": "engine",
}

deny contains lib.finding(msg, sprintf("data_stores[%d].%s", [i, field])) if {
	some i, store in lib.data_stores
	some field, label in fields
	trim_space(lib.get(store, field, "")) == ""
	msg := sprintf("store %q does not name its %s", [store.name, label])
}

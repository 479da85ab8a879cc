# METADATA
# title: Every data store names its kind and engine, and a critical service records why
# description: |-
#   The store that holds a service's source data shapes everything around
#   it: which queries are cheap, which consistency guarantees exist, how it
#   scales, and how hard it is to change later. A store listed without a
#   kind or product means the choice has not really been made, and the
#   design cannot be checked for backups, migrations or partitioning. For
#   tier 0 and 1 services the choice should also be written down as a
#   decision, with the options weighed, because reversing it later means a
#   data migration. Caches, read models and replicas are judged the same
#   way for kind and engine: their engine decides eviction, consistency and
#   failure behaviour just as much.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/performance-efficiency-pillar/perf_data_use_purpose_built_data_store.html
#     description: PERF03-BP01 Use a purpose-built data store that best supports your data access and storage requirements
# custom:
#   id: WA253
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [PERF03-BP01]
#   frameworks:
#     well-architected: performance-efficiency
#   remediation: |-
#     Decide the kind and product of every store (source data, caches, read
#     models and replicas) from
#     its access patterns, consistency needs and expected size, and record
#     `data_stores[].kind` and `engine`. For tier 0 and 1 services add an
#     accepted entry under `decisions` with topic `data-store` that explains
#     the choice and the options rejected.
#   applicability: |-
#     The service declares a data store. The recorded-decision check applies
#     to source-data stores (role source-of-truth or unstated) at tier 0 and 1.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         engine: PostgreSQL
#     decisions:
#       - id: ADR-0002
#         title: Keep orders in PostgreSQL
#         topic: data-store
#         status: accepted
#   decision:
#     topic: data-store
#     question: Which kind of store should hold this service's source data?
#     drivers:
#       - The main read and write access patterns and the queries they need
#       - Transactions and consistency the business rules require
#       - Expected data volume, growth and write rate
#       - Availability of a managed offering and the team's operating experience
#       - Need for an audit trail or for rebuilding state from history
#     options:
#       - name: Relational database
#         pros: Transactions, constraints and flexible ad hoc queries; mature tooling and well understood operations.
#         cons: Schema changes need care on large tables, and scaling writes beyond one primary requires sharding.
#       - name: Document database
#         pros: Aggregates stored as they are read, flexible schema per record, and horizontal scaling built in.
#         cons: Weaker multi-document transactions and joins; the data model is tied to today's access patterns.
#       - name: Key-value store
#         pros: Predictable low latency and near-unlimited scale for lookups by key.
#         cons: Little or no querying beyond the key; every new access pattern needs its own index or table design.
#       - name: Event store
#         pros: A full, append-only history of changes that can rebuild state, feed projections and serve as an audit log.
#         cons: Queries need separate read models, and versioning events and replaying them adds complexity.
package archvet.rules.well_architected.performance_data_store_decided

import rego.v1

import data.archvet.lib

source_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "role", "source-of-truth") == "source-of-truth"
}

# A data-store decision counts once it is accepted, or carries a decision
# without stating a status.
decided if {
	some d in lib.decisions
	object.get(d, "topic", "") == "data-store"
	object.get(d, "status", "") == "accepted"
}

decided if {
	some d in lib.decisions
	object.get(d, "topic", "") == "data-store"
	object.get(d, "status", "") == ""
	object.get(d, "decision", "") != ""
}

applicable if count(lib.data_stores) > 0

unanswered contains lib.finding(msg, path) if {
	some i, store in lib.data_stores
	trim_space(object.get(store, "kind", "")) == ""
	msg := sprintf("the design does not say what kind of store %q is", [store.name])
	path := sprintf("data_stores[%d].kind", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, store in lib.data_stores
	trim_space(object.get(store, "engine", "")) == ""
	msg := sprintf("the design does not say which product data store %q runs on", [store.name])
	path := sprintf("data_stores[%d].engine", [i])
}

deny contains lib.finding(msg, "decisions") if {
	lib.critical
	not decided
	some [_, store] in source_stores
	msg := sprintf("no accepted data-store decision records why store %q was chosen", [store.name])
}

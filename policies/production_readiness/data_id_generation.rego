# METADATA
# title: New identifiers can be generated safely by every instance
# description: |-
#   A service that scales out by adding processes needs every process to
#   create identifiers without asking one shared authority. A single counter
#   makes every write wait on one component and stops all writes when it
#   fails. A database sequence is fine while there is exactly one writable
#   primary, but it starts handing out duplicate or colliding ids as soon as
#   writes happen in several places: shards, cells or active-active regions.
#   Random or coordination-free schemes (UUIDs, ULIDs, snowflake-style ids)
#   avoid both problems.
# related_resources:
#   - ref: https://12factor.net/concurrency
#     description: Twelve-Factor App, VIII. Concurrency
# custom:
#   id: PR320
#   severity: medium
#   check: reasoning
#   level: proactive
#   frameworks:
#     twelve-factor: concurrency
#     production-readiness: capacity
#   remediation: |-
#     Generate ids in each process with a coordination-free scheme (UUID v4 or
#     v7, ULID, or snowflake-style ids with a unique worker id) and record it
#     in `processes.id_generation`. Keep database sequences only where a single
#     writable primary issues every id.
#   applicability: The service owns a store that holds source data, or states how it generates ids.
#   example: |-
#     processes:
#       id_generation: uuid
#     data_stores:
#       - name: orders-db
#         kind: relational
package archvet.rules.production_readiness.data_id_generation

import rego.v1

import data.archvet.lib

scheme := object.get(input, ["processes", "id_generation"], null)

applicable if count(lib.durable_stores) > 0

applicable if scheme != null

unanswered contains lib.finding("the design does not say how new identifiers are generated", "processes.id_generation") if {
	count(lib.durable_stores) > 0
	scheme == null
}

deny contains lib.finding(msg, "processes.id_generation") if {
	scheme == "single-counter"
	msg := "identifiers come from a single counter that every instance must call and that stops all writes when it fails"
}

deny contains lib.finding(msg, "processes.id_generation") if {
	scheme == "database-sequence"
	some reason in several_writers
	msg := sprintf("identifiers come from a database sequence, but %s, so separate writers can issue the same id", [reason])
}

# Places where more than one writer issues ids, which a database sequence
# cannot keep unique.
several_writers contains "the service runs active-active across regions" if {
	object.get(input, ["disaster_recovery", "strategy"], "") == "active-active"
}

several_writers contains sprintf("the service runs in %v cells", [cells]) if {
	cells := object.get(input, ["deployment", "cells"], 0)
	cells >= 2
}

several_writers contains sprintf("data store %q is partitioned", [store.name]) if {
	some [_, store] in lib.durable_stores
	not object.get(store, "partitioning", "none") == "none"
}

# METADATA
# title: The service does not share its databases with other services
# description: |-
#   A database read or written by several services is an interface nobody
#   designed: every table and column becomes part of a contract, a schema
#   change needs every team's agreement, one service's heavy query slows the
#   others down, and nobody can tell which service is allowed to change which
#   rows. Data owned by one service and offered to others through an API or
#   events keeps each service free to change its storage.
# related_resources:
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, loose coupling
#   - ref: https://microservices.io/patterns/data/database-per-service.html
#     description: The database-per-service pattern
# custom:
#   id: ID012
#   severity: high
#   level: proactive
#   check: threshold
#   frameworks:
#     ideals: loose-coupling
#   remediation: |-
#     Give the store a single owning service. Other services read the data
#     through the owner's API or keep their own copy fed by its events; then
#     set `ownership: exclusive` and empty `shared_with`. Queues and streams,
#     which exist to be shared between producers and consumers, are exempt.
#   applicability: The service declares at least one data store other than a queue or stream.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         ownership: exclusive
#       - name: order-events
#         kind: stream
#         ownership: shared
#         shared_with: [billing]
package archvet.rules.ideals.no_shared_databases

import rego.v1

import data.archvet.lib

# Queues and streams are integration channels: sharing them is their job.
stores contains [i, store] if {
	some i, store in lib.data_stores
	not object.get(store, "kind", "") in {"queue", "stream"}
}

applicable if count(stores) > 0

deny contains lib.finding(msg, path) if {
	some [i, store] in stores
	object.get(store, "ownership", "") == "shared"
	msg := sprintf("data store %q is shared with other services", [store.name])
	path := sprintf("data_stores[%d].ownership", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, store] in stores
	object.get(store, "ownership", "") != "shared"
	others := object.get(store, "shared_with", [])
	count(others) > 0
	msg := sprintf("data store %q is also used by %s", [store.name, concat(", ", others)])
	path := sprintf("data_stores[%d].shared_with", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, store] in stores
	[i, store] in lib.durable_stores
	object.get(store, "ownership", "") == ""
	count(object.get(store, "shared_with", [])) == 0
	msg := sprintf("the design does not say whether data store %q is used by this service alone", [store.name])
	path := sprintf("data_stores[%d].ownership", [i])
}

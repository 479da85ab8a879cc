# METADATA
# title: Every review that names a data store agrees on who uses it
# description: |-
#   Each review says whether its data stores are its own (`ownership:
#   exclusive`) or shared, and with whom (`shared_with`). Two reviews that
#   both claim one store exclusively cannot both be right: each team
#   believes it may change the schema, run migrations and tune the store
#   alone, and the first change breaks the other service. A store used by
#   another service that this review does not list is a hidden coupling:
#   its owners do not know whom a change will hurt. Each review looks
#   right alone; only the reviews together show the store is shared.
#   Queues and streams exist to be shared, so only the double exclusive
#   claim is judged for them.
# related_resources:
#   - ref: https://microservices.io/patterns/data/database-per-service.html
#     description: The database-per-service pattern
#   - ref: https://microservices.io/patterns/data/shared-database.html
#     description: The shared-database pattern and its drawbacks
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, loose coupling
# custom:
#   id: SY009
#   severity: high
#   level: proactive
#   check: reasoning
#   scope: system
#   frameworks:
#     ideals: loose-coupling
#     production-readiness: data-governance
#   remediation: |-
#     Decide which service owns the store. The owner keeps `ownership:
#     exclusive`; the other reads through the owner's API or keeps its own
#     copy fed by events, and drops the store from its review. If the
#     store really stays shared, both reviews say `ownership: shared` and
#     list each other in `shared_with`.
#   applicability: The review is checked as part of a system (several reviews, or --context) and declares data stores.
#   example: |-
#     # _system is what archvet derives from the other reviews; it is not written by hand.
#     data_stores:
#       - name: orders-db
#         ownership: exclusive
#     _system:
#       data_stores:
#         - others: []
package archvet.system.data_store_ownership

import rego.v1

import data.archvet.lib

# The review's place in the system, absent when it is checked alone.
system := object.get(input, "_system", null)

applicable if {
	system != null
	count(lib.data_stores) > 0
}

# The reviews that name each store of this one, beside its entry.
others_of[k] := found.others if {
	some k, found in system.data_stores
	lib.data_stores[k]
}

both_exclusive(store, other) if {
	store.ownership == "exclusive"
	other.ownership == "exclusive"
}

# One finding per store entry, naming every other claimant, so that a
# thousand reviews of one store give a thousand findings, not a million.
deny contains lib.finding_related(msg, path, related) if {
	some k, others in others_of
	store := lib.data_stores[k]
	rivals := [other | some other in others; both_exclusive(store, other)]
	count(rivals) > 0
	names := lib.some_names([other.service | some other in rivals])
	msg := sprintf("data store %q is claimed exclusive by this review and by the review of %s", [store.name, names])
	path := sprintf("data_stores[%d].ownership", [k])
	related := [r |
		some other in rivals
		r := {"msg": sprintf("%s claims %q exclusive here", [other.service, store.name]), "at": other.at}
	]
}

deny contains lib.finding_related(msg, path, related) if {
	some k, others in others_of
	store := lib.data_stores[k]
	not lib.get(store, "kind", "") in {"queue", "stream"}
	unlisted := [other |
		some other in others
		not both_exclusive(store, other)
		not other.service in lib.get(store, "shared_with", [])
	]
	count(unlisted) > 0
	names := lib.some_names([other.service | some other in unlisted])
	msg := sprintf(
		"the review of %s uses data store %q too, but this review does not list %s in shared_with",
		[names, store.name, names],
	)
	path := sprintf("data_stores[%d].shared_with", [k])
	related := [r |
		some other in unlisted
		r := {"msg": sprintf("%s uses %q here", [other.service, store.name]), "at": other.at}
	]
}

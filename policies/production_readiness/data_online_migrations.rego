# METADATA
# title: Relational schema changes are applied online, without long locks
# description: |-
#   During a rolling, canary or blue-green release the old and the new
#   version of the service run side by side against the same database, so a
#   schema change must work for both. A migration that renames or drops a
#   column in one step breaks the old version, and one that rewrites a large
#   table under an exclusive lock stalls every query until it finishes. Using
#   expand-and-contract steps (add, backfill, switch, remove later) or an
#   online schema-change tool keeps the service available while the schema
#   evolves.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_mit_deploy_risks_deploy_mgmt_sys.html
#     description: OPS06-BP03 Employ safe deployment strategies
#   - ref: https://12factor.net/admin-processes
#     description: Twelve-Factor App, XII. Admin processes
#   - ref: https://sre.google/sre-book/reliable-product-launches/
#     description: Google SRE book, Reliable Product Launches at Scale
# custom:
#   id: PR317
#   best_practices: [OPS06-BP03]
#   severity: high
#   check: threshold
#   level: proactive
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   remediation: |-
#     Apply schema changes in backward-compatible expand-and-contract steps,
#     or through an online schema-change tool, and keep each step free of long
#     table locks (create indexes concurrently, backfill in batches, set lock
#     timeouts). Record `data_stores[].migrations.strategy` as
#     `expand-contract` or `online-tool` and `migrations.lock_free: true`.
#   applicability: Services of tier 0, 1 or 2 with a relational store that holds source data.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         migrations:
#           strategy: expand-contract
#           lock_free: true
package archvet.rules.production_readiness.data_online_migrations

import rego.v1

import data.archvet.lib

online_strategies := {"expand-contract", "online-tool"}

# How each offline strategy reads in a sentence (bug 17).
strategy_words := {"manual": "by hand", "offline": "offline, with the service stopped"}

relational_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") == "relational"
}

applicable if {
	lib.tier <= 2
	count(relational_stores) > 0
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, store] in relational_stores
	object.get(store, ["migrations", "strategy"], null) == null
	msg := sprintf("the design does not say how schema changes reach relational store %q", [store.name])
	path := sprintf("data_stores[%d].migrations.strategy", [i])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, store] in relational_stores
	object.get(store, ["migrations", "lock_free"], null) == null
	msg := sprintf("the design does not say whether migrations on relational store %q avoid long table locks", [store.name])
	path := sprintf("data_stores[%d].migrations.lock_free", [i])
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, store] in relational_stores
	strategy := object.get(store, ["migrations", "strategy"], null)
	strategy != null
	not strategy in online_strategies
	msg := sprintf(
		"schema changes to relational store %q are applied %s, which needs downtime or breaks the running version",
		[store.name, object.get(strategy_words, strategy, strategy)],
	)
	path := sprintf("data_stores[%d].migrations.strategy", [i])
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, store] in relational_stores
	object.get(store, ["migrations", "lock_free"], null) == false
	msg := sprintf("migrations on relational store %q take long locks on live tables", [store.name])
	path := sprintf("data_stores[%d].migrations.lock_free", [i])
}

# METADATA
# title: Data changes can be undone
# description: |-
#   Code can be rolled back in minutes; data usually cannot. A migration that
#   drops a column, a backfill that overwrites values or a new version that
#   writes data in a new shape can leave the store in a state the previous
#   release no longer understands, so the code rollback fails too. Each store
#   whose schema or contents the team changes needs a worked-out way back: a
#   reversible migration, a copy kept until the change is proven, or a tested
#   restore to the moment before it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_mit_deploy_risks_plan_for_unsucessful_changes.html
#     description: OPS06-BP01 Plan for unsuccessful changes
#   - ref: https://sre.google/sre-book/reliable-product-launches/
#     description: Google SRE book, Reliable Product Launches at Scale
# custom:
#   id: PR318
#   best_practices: [OPS06-BP01]
#   severity: high
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   remediation: |-
#     For every data change, write how it is undone before it runs (a down
#     migration, keeping the old column or table until the contract step, a
#     snapshot or point-in-time restore target) and make sure the previous
#     release can read data written by the new one. Record
#     `data_stores[].migrations.rollback_plan: true`.
#   applicability: |-
#     Services of tier 0, 1 or 2 with a database-like store (relational,
#     document, key-value, graph or warehouse) that holds source data.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         migrations:
#           rollback_plan: true
package archvet.rules.production_readiness.data_rollback_plan

import rego.v1

import data.archvet.lib

database_kinds := {"relational", "document", "key-value", "graph", "warehouse"}

database_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") in database_kinds
}

applicable if {
	lib.tier <= 2
	count(database_stores) > 0
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, store] in database_stores
	object.get(store, ["migrations", "rollback_plan"], null) == false
	msg := sprintf("data changes to store %q cannot be undone", [store.name])
	path := sprintf("data_stores[%d].migrations.rollback_plan", [i])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, store] in database_stores
	object.get(store, ["migrations", "rollback_plan"], null) == null
	msg := sprintf("the design does not say how a data change to store %q is undone", [store.name])
	path := sprintf("data_stores[%d].migrations.rollback_plan", [i])
}

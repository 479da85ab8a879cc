# METADATA
# title: Each store's expected growth fits its provisioned storage with room to spare
# description: |-
#   A store that fills up stops taking writes, and storage is rarely grown
#   in a hurry without risk. The design states how large each store is
#   expected to be in a year; that size must fit the storage provisioned or
#   the most the store may grow to, with room left for a spike, a backfill
#   or a retention change, and a full store must be seen coming by an alert.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_adapt_to_changes_proactive_adapt_auto.html
#     description: REL07-BP03 Obtain resources upon detection that more resources are needed for a workload
#   - ref: https://sre.google/sre-book/launch-checklist/
#     description: Google SRE book, Launch Coordination Checklist (growth issues)
# custom:
#   id: PR333
#   severity: medium
#   tier_severity: [high, medium, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [REL07-BP03]
#   frameworks:
#     production-readiness: capacity
#     well-architected: reliability
#   params:
#     max_fill_percent:
#       description: largest share of a store's storage its expected size in a year may take, in percent
#       tiers: [50, 70, 80, 90]
#   remediation: |-
#     Provision storage (`data_stores[].capacity_gb`) so that the expected
#     size in a year (`size_gb`) uses no more than 50% of it at tier 0 (70% at
#     tier 1, 80% at tier 2), or raise the limit of an auto-growing store,
#     and alert before it fills.
#   applicability: Services of tier 0 to 2 with a source-data store (queues excluded).
#   example: |-
#     data_stores:
#       - name: orders-db
#         size_gb: 400
#         capacity_gb: 1000
package archvet.rules.production_readiness.capacity_storage_growth

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") != "queue"
}

applicable if {
	lib.tier <= 2
	count(stores) > 0
}

deny contains lib.finding(msg, path) if {
	applicable
	some [i, store] in stores
	is_number(store.size_gb)
	is_number(store.capacity_gb)
	store.size_gb * 100 > store.capacity_gb * params.max_fill_percent
	msg := sprintf(
		"data store %q is expected to reach %v GB within a year, more than %v%% of its %v GB",
		[store.name, store.size_gb, params.max_fill_percent, store.capacity_gb],
	)
	path := sprintf("data_stores[%d].capacity_gb", [i])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, store] in stores
	is_number(object.get(store, "size_gb", null))
	object.get(store, "capacity_gb", null) == null
	msg := sprintf("the design does not say how much storage data store %q has, so its growth cannot be checked", [store.name])
	path := sprintf("data_stores[%d].capacity_gb", [i])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, store] in stores
	object.get(store, "size_gb", null) == null
	msg := sprintf("the design does not say how large data store %q is expected to grow within a year", [object.get(store, "name", i)])
	path := sprintf("data_stores[%d].size_gb", [i])
}

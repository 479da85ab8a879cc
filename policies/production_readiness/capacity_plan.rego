# METADATA
# title: A written capacity plan covers traffic and data growth
# description: |-
#   Capacity runs out on a schedule that can be seen coming: traffic grows,
#   tables grow, quotas and instance limits stay where they were. A capacity
#   plan turns the forecast into concrete limits and dates (when to add
#   nodes, raise quotas, re-shard or archive) so the team acts months ahead
#   instead of during the incident. It needs the expected size of every store
#   that keeps data, since storage and index growth are the limits most often
#   forgotten.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_adapt_to_changes_proactive_adapt_auto.html
#     description: REL07-BP03 Obtain resources upon detection that more resources are needed for a workload
#   - ref: https://sre.google/sre-book/introduction/
#     description: Google SRE book, Introduction (demand forecasting and capacity planning)
# custom:
#   id: PR314
#   best_practices: [REL07-BP03]
#   severity: medium
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: capacity
#     well-architected: reliability
#   remediation: |-
#     Write a capacity plan that forecasts traffic and data volume for the
#     next year, lists the limits that will be hit (instance sizes, quotas,
#     connections, storage) and when, and link it in `capacity.plan`. Record
#     each source-data store's expected size in a year in
#     `data_stores[].size_gb`.
#   applicability: Services of tier 0, 1 or 2.
#   example: |-
#     capacity:
#       plan: docs/capacity-plan.md
#     data_stores:
#       - name: orders-db
#         kind: relational
#         size_gb: 400
package archvet.rules.production_readiness.capacity_plan

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

deny contains lib.finding("the design gives an empty capacity plan link", "capacity.plan") if {
	lib.tier <= 2
	object.get(input, ["capacity", "plan"], null) == ""
}

unanswered contains lib.finding("the design does not link a capacity plan", "capacity.plan") if {
	lib.tier <= 2
	object.get(input, ["capacity", "plan"], null) == null
}

unanswered contains lib.finding(msg, path) if {
	lib.tier <= 2
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") != "queue"
	object.get(store, "size_gb", null) == null
	msg := sprintf("the design does not say how large data store %q is expected to grow", [store.name])
	path := sprintf("data_stores[%d].size_gb", [i])
}

unanswered contains lib.finding(msg, "data_stores") if {
	lib.tier <= 2
	not "data_stores" in object.keys(input)
	msg := "the design does not say which data stores the service keeps, so their growth cannot be planned"
}

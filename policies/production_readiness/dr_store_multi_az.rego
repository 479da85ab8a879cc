# METADATA
# title: Stores holding source data are replicated across availability zones
# description: |-
#   Running the service's instances in several zones does not help if its
#   database lives in one of them: the zone fails, and every instance is left
#   without its data. Each store that holds the only copy of some data needs a
#   replica or standby in another zone that can take over, or a managed
#   service that is zone-redundant by construction, so that losing a zone
#   costs a failover rather than an outage or data loss.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_failover2good.html
#     description: REL11-BP02 Fail over to healthy resources
# custom:
#   id: PR308
#   best_practices: [REL10-BP01, REL11-BP02]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Give each source-data store a standby or replicas in at least one other
#     zone (or choose a zone-redundant managed tier) and record
#     `data_stores[].replication.multi_az: true` with the replication `mode`.
#     Managed stores that are zone-redundant by default should still say so.
#   applicability: Services of tier 0, 1 or 2 with a store that holds source data.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         replication:
#           mode: sync
#           multi_az: true
package archvet.rules.production_readiness.dr_store_multi_az

import rego.v1

import data.archvet.lib

applicable if {
	lib.tier <= 2
	count(lib.durable_stores) > 0
}

deny contains lib.finding(msg, path) if {
	lib.tier <= 2
	some [i, store] in lib.durable_stores
	object.get(store, ["replication", "multi_az"], null) == false
	msg := sprintf("data store %q has no copy outside its availability zone", [store.name])
	path := sprintf("data_stores[%d].replication.multi_az", [i])
}

deny contains lib.finding(msg, path) if {
	lib.tier <= 2
	some [i, store] in lib.durable_stores
	object.get(store, ["replication", "multi_az"], null) == true
	object.get(store, ["replication", "mode"], null) == "none"
	msg := sprintf("data store %q is said to span zones but its replication mode is none", [store.name])
	path := sprintf("data_stores[%d].replication.mode", [i])
}

unanswered contains lib.finding(msg, path) if {
	lib.tier <= 2
	some [i, store] in lib.durable_stores
	object.get(store, ["replication", "multi_az"], null) == null
	msg := sprintf("the design does not say whether data store %q survives the loss of an availability zone", [store.name])
	path := sprintf("data_stores[%d].replication.multi_az", [i])
}

# METADATA
# title: A zero recovery point objective is backed by synchronous replication
# description: |-
#   An RPO of zero promises that no acknowledged write is ever lost, even when
#   the primary copy of a store disappears. Backups, point-in-time logs and
#   asynchronous replicas all trail the primary by seconds to minutes, so
#   none of them can keep that promise; only a write that is confirmed by a
#   second copy before it is acknowledged can. A design that states zero data
#   loss while replicating asynchronously will lose data on its first
#   failover and nobody will have planned for it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_objective_defined_recovery.html
#     description: REL13-BP01 Define recovery objectives for downtime and data loss
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
# custom:
#   id: PR321
#   best_practices: [REL13-BP01, REL10-BP01]
#   severity: high
#   check: reasoning
#   level: proactive
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Either replicate every source-data store synchronously (a quorum or
#     synchronous standby, `replication.mode: sync`) and accept the extra
#     write latency, or state the RPO the asynchronous setup can really keep
#     (for example one minute) in `disaster_recovery.rpo_minutes`.
#   applicability: The design states an RPO of zero and has a source-data store.
#   example: |-
#     disaster_recovery:
#       rpo_minutes: 0
#     data_stores:
#       - name: ledger
#         kind: relational
#         replication:
#           mode: sync
#           multi_az: true
package archvet.rules.production_readiness.dr_zero_rpo_replication

import rego.v1

import data.archvet.lib

zero_rpo if object.get(input, ["disaster_recovery", "rpo_minutes"], null) == 0

applicable if {
	zero_rpo
	count(lib.durable_stores) > 0
}

deny contains lib.finding(msg, path) if {
	zero_rpo
	some [i, store] in lib.durable_stores
	mode := object.get(store, ["replication", "mode"], null)
	mode != null
	mode != "sync"
	msg := sprintf(
		"the rpo is zero but data store %q replicates %s, so a failover can lose acknowledged writes",
		[store.name, replication_words[mode]],
	)
	path := sprintf("data_stores[%d].replication.mode", [i])
}

unanswered contains lib.finding(msg, path) if {
	zero_rpo
	some [i, store] in lib.durable_stores
	object.get(store, ["replication", "mode"], null) == null
	msg := sprintf("the rpo is zero but the design does not say how data store %q is replicated", [store.name])
	path := sprintf("data_stores[%d].replication.mode", [i])
}

replication_words := {"none": "nowhere", "async": "asynchronously"}

# METADATA
# title: A tier 0 service survives the loss of a whole region
# description: |-
#   Regional outages are rare but real, and they last hours: a control-plane
#   failure, a networking fault or a bad provider change can make every zone
#   of a region unusable at once. For a service whose outage stops revenue,
#   waiting for the region to come back is not a plan. The team has to decide
#   how the service continues elsewhere (serving from several regions at
#   once, a standby, a pilot light, or a restore in another region) and the
#   deployment has to match that decision. A standby or a second active
#   region is only as good as the data it holds: when the source-data stores
#   do not replicate across regions, the second region has nothing to serve,
#   and a restore elsewhere needs backups kept elsewhere.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_disaster_recovery.html
#     description: REL13-BP02 Use defined recovery strategies to meet the recovery objectives
#   - ref: https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html
#     description: AWS whitepaper, Disaster recovery options in the cloud
# custom:
#   id: WA250
#   severity: high
#   level: strategic
#   check: reasoning
#   best_practices: [REL10-BP01, REL13-BP02]
#   frameworks:
#     well-architected: reliability
#     production-readiness: backup-and-recovery
#   remediation: |-
#     Choose a multi-region strategy that meets the RTO and RPO, record it in
#     `disaster_recovery.strategy` with `disaster_recovery.multi_region: true`,
#     and list every region the service runs in under `deployment.regions`
#     (a pilot light or standby region counts). Replicate every source-data
#     store to the second region (`replication.cross_region: true`), or keep
#     its backups there for a backup-restore strategy
#     (`backups.cross_region: true`). Record the choice as a decision with
#     topic `multi-region`.
#   applicability: Tier 0 services.
#   example: |-
#     disaster_recovery:
#       multi_region: true
#       strategy: warm-standby
#     deployment:
#       regions: [eu-west-1, eu-central-1]
#     data_stores: []
#   decision:
#     topic: multi-region
#     question: How should this tier 0 service keep working when a whole region is lost?
#     drivers:
#       - The recovery time and recovery point objectives agreed with the business
#       - Cost of running capacity and replicated data in a second region
#       - Data residency rules on where copies may live
#       - How much cross-region inconsistency the data model can tolerate
#       - The team's ability to run and regularly rehearse a failover
#     options:
#       - name: Active-active
#         pros: Recovery is close to instant and every region carries real traffic, so failover paths are exercised daily.
#         cons: Highest cost and complexity; writes in several regions need a conflict-free data model or a global database and bring consistency trade-offs.
#       - name: Warm standby
#         pros: Recovery in minutes; a scaled-down copy always runs, so it can be tested without a full rebuild.
#         cons: The standby is paid for all the time and must be scaled up and promoted during the event, which needs regular practice.
#       - name: Pilot light
#         pros: Lower cost, since only data replication and a minimal core run in the second region.
#         cons: Recovery takes tens of minutes while compute is started and scaled, and scaling during a regional event may be slow or throttled.
#       - name: Backup and restore in another region
#         pros: Cheapest and simplest to operate; needs only cross-region backup copies and infrastructure as code.
#         cons: Recovery takes hours and data loss is bounded by the backup interval, which rarely fits a tier 0 service.
package archvet.rules.well_architected.reliability_multi_region

import rego.v1

import data.archvet.lib

multi_region := object.get(input, ["disaster_recovery", "multi_region"], null)

strategy := object.get(input, ["disaster_recovery", "strategy"], null)

regions := object.get(input, ["deployment", "regions"], [])

applicable if lib.tier == 0

deny contains lib.finding(msg, "disaster_recovery.multi_region") if {
	lib.tier == 0
	multi_region == false
	msg := "the tier 0 service does not survive the loss of a region; decide how it should"
}

# Every strategy except restoring from backups keeps something running in a
# second region, which must then appear among the deployment's regions.
deny contains lib.finding(msg, "deployment.regions") if {
	lib.tier == 0
	multi_region == true
	strategy != "backup-restore"
	count(regions) < 2
	msg := sprintf("the design claims the service survives a region loss, but it lists %d region(s) and %s", [count(regions), strategy_words])
}

deny contains lib.finding(msg, path) if {
	lib.tier == 0
	multi_region == true
	strategy in standby_strategies
	some [i, store] in source_stores
	object.get(store, ["replication", "cross_region"], null) == false
	msg := sprintf("a %s in another region has no copy of store %q, which does not replicate across regions", [strategy, store.name])
	path := sprintf("data_stores[%d].replication.cross_region", [i])
}

deny contains lib.finding(msg, path) if {
	lib.tier == 0
	multi_region == true
	strategy == "backup-restore"
	some [i, store] in source_stores
	object.get(store, ["backups", "cross_region"], null) == false
	object.get(store, ["replication", "cross_region"], null) != true
	msg := sprintf("a restore in another region has no copy of store %q: its backups stay in the region that was lost", [store.name])
	path := sprintf("data_stores[%d].backups.cross_region", [i])
}

unanswered contains lib.finding(msg, "disaster_recovery.multi_region") if {
	lib.tier == 0
	multi_region == null
	msg := "the design does not say whether the tier 0 service survives the loss of a region"
}

unanswered contains lib.finding(msg, path) if {
	lib.tier == 0
	multi_region == true
	strategy in standby_strategies
	some [i, store] in source_stores
	object.get(store, ["replication", "cross_region"], null) == null
	msg := sprintf("the design does not say whether store %q replicates to the %s region", [store.name, strategy])
	path := sprintf("data_stores[%d].replication.cross_region", [i])
}

unanswered contains lib.finding(msg, "disaster_recovery.strategy") if {
	lib.tier == 0
	multi_region == true
	strategy == null
	msg := "the design does not say which strategy carries the service through a region loss"
}

default strategy_words := "no recovery strategy"

strategy_words := sprintf("a %s strategy", [strategy]) if strategy != null

# Strategies that keep something running in the second region need the data
# there already.
standby_strategies := {"pilot-light", "warm-standby", "active-active"}

source_stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "role", "source-of-truth") == "source-of-truth"
}

unanswered contains lib.finding(msg, "data_stores") if {
	lib.tier == 0
	multi_region == true
	not "data_stores" in object.keys(input)
	msg := "the design does not say which data stores the service keeps, so their copies in another region cannot be checked"
}

# METADATA
# title: Backups, point-in-time recovery and replication meet the RPO for every failure planned
# description: |-
#   The recovery point objective promises how much recent data can be lost,
#   and the answer depends on what failed. A bad write or a deletion is
#   copied to every replica at once, so only backups or a point-in-time log
#   bring the data back. A lost zone is covered by replicas in another zone.
#   A lost region is covered only by copies outside it: an in-region
#   point-in-time log, however fine-grained, is lost with the region, and a
#   daily snapshot copied abroad can lose a day. For each store and each
#   failure the design plans to survive, the closest copy that survives the
#   failure must be no older than the RPO, or the objective is not one the
#   system can keep.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_objective_defined_recovery.html
#     description: REL13-BP01 Define recovery objectives for downtime and data loss
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_automated_backups_data.html
#     description: REL09-BP03 Perform data backup automatically
#   - ref: https://sre.google/sre-book/data-integrity/
#     description: Google SRE book, Data Integrity
# custom:
#   id: PR306
#   severity: high
#   tier_severity: [critical, high, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [REL13-BP01, REL09-BP03]
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   params:
#     pitr_loss_minutes:
#       description: data a point-in-time log can lose (its shipping interval), in minutes
#       value: 5
#     async_lag_minutes:
#       description: data an asynchronous replica can lose at failover (its lag), in minutes
#       value: 1
#   remediation: |-
#     For each store, look at each failure the design plans to survive:
#     corruption or deletion (always), the loss of a zone
#     (`disaster_recovery.multi_az`) and the loss of a region
#     (`disaster_recovery.multi_region`, or a pilot-light, warm-standby or
#     active-active strategy). Make the copy that survives each one recent
#     enough: point-in-time recovery or frequent `backups.frequency_hours` for
#     corruption; `replication.multi_az` for a zone; `replication.cross_region`
#     (sync, or async with little lag) or frequent `backups.cross_region`
#     copies for a region. Otherwise renegotiate the RPO.
#   applicability: |-
#     The design states an RPO and has a source-data store (queues excluded).
#   example: |-
#     disaster_recovery:
#       rpo_minutes: 5
#       multi_az: true
#       multi_region: true
#       strategy: warm-standby
#     data_stores:
#       - name: orders-db
#         kind: relational
#         backups:
#           enabled: true
#           frequency_hours: 24
#           point_in_time: true
#           cross_region: true
#         replication:
#           mode: sync
#           multi_az: true
#           cross_region: true
package archvet.rules.production_readiness.backup_frequency_meets_rpo

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

dr := object.get(input, "disaster_recovery", {})

rpo := object.get(dr, "rpo_minutes", null)

stores contains [i, store] if {
	some [i, store] in lib.durable_stores
	object.get(store, "kind", "") != "queue"
}

applicable if {
	is_number(rpo)
	count(stores) > 0
}

# The failures the design plans to survive. Corruption is always planned.
region_strategies := {"pilot-light", "warm-standby", "active-active"}

scopes contains "corruption"

scopes contains "zone" if object.get(dr, "multi_az", false) == true

scopes contains "region" if object.get(dr, "multi_region", false) == true

scopes contains "region" if object.get(dr, "strategy", "") in region_strategies

scope_words := {
	"corruption": "a bad write or deletion",
	"zone": "the loss of a zone",
	"region": "the loss of a region",
}

# copies holds [store index, scope, minutes of data lost, field] for each
# copy of a store that survives a failure of that scope.
backup_minutes(store) := object.get(store, ["backups", "frequency_hours"], null) * 60 if {
	object.get(store, ["backups", "enabled"], false) == true
	is_number(object.get(store, ["backups", "frequency_hours"], null))
}

replica_minutes(store) := 0 if object.get(store, ["replication", "mode"], null) == "sync"

replica_minutes(store) := params.async_lag_minutes if object.get(store, ["replication", "mode"], null) == "async"

flag(store, field) if object.get(store, split(field, "."), false) == true

copies contains [i, scope, params.pitr_loss_minutes, "backups.point_in_time"] if {
	some [i, store] in stores
	some scope in {"corruption", "zone"}
	flag(store, "backups.point_in_time")
}

copies contains [i, scope, backup_minutes(store), "backups.frequency_hours"] if {
	some [i, store] in stores
	some scope in {"corruption", "zone"}
}

copies contains [i, "zone", replica_minutes(store), "replication.multi_az"] if {
	some [i, store] in stores
	flag(store, "replication.multi_az")
}

copies contains [i, "region", replica_minutes(store), "replication.cross_region"] if {
	some [i, store] in stores
	flag(store, "replication.cross_region")
}

copies contains [i, "region", backup_minutes(store), "backups.frequency_hours"] if {
	some [i, store] in stores
	flag(store, "backups.cross_region")
}

surviving(i, scope) := {[c[2], c[3]] |
	some c in copies
	c[0] == i
	c[1] == scope
}

# The field to change when no copy is recent enough.
fix_field("corruption") := "backups.point_in_time"

fix_field("zone") := "replication.multi_az"

fix_field("region") := "replication.cross_region"

# Facts that, still unstated, could give a store a recent enough copy.
open_facts("corruption") := ["backups.point_in_time", "backups.frequency_hours"]

open_facts("zone") := ["replication.multi_az", "replication.mode", "backups.point_in_time"]

open_facts("region") := ["replication.cross_region", "replication.mode", "backups.cross_region", "backups.frequency_hours"]

unknown(store, field) if object.get(store, split(field, "."), null) == null

deny contains lib.finding(msg, path) if {
	applicable
	some [i, store] in stores
	some scope in scopes
	left := surviving(i, scope)
	count(left) > 0
	loss := min({m | some [m, _] in left})
	loss > rpo
	some [m, field] in left
	m == loss
	msg := sprintf(
		"after %s, the most recent copy of data store %q that survives is %v minutes old (%s), more than the %v-minute rpo",
		[scope_words[scope], store.name, loss, field, rpo],
	)
	path := sprintf("data_stores[%d].%s", [i, field])
}

# No copy survives the failure, and the design has said enough to be sure.
deny contains lib.finding(msg, path) if {
	applicable
	some [i, store] in stores
	some scope in scopes
	count(surviving(i, scope)) == 0
	every field in open_facts(scope) {
		not unknown(store, field)
	}
	msg := sprintf("no copy of data store %q survives %s, so the %v-minute rpo cannot be met", [store.name, scope_words[scope], rpo])
	path := sprintf("data_stores[%d].%s", [i, fix_field(scope)])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [i, store] in stores
	some scope in scopes
	count(surviving(i, scope)) == 0
	some field in open_facts(scope)
	unknown(store, field)
	msg := sprintf(
		"the design does not say %s of data store %q, so its loss after %s cannot be checked against the rpo",
		[field, store.name, scope_words[scope]],
	)
	path := sprintf("data_stores[%d].%s", [i, field])
}

unanswered contains lib.finding(msg, "disaster_recovery.strategy") if {
	applicable
	object.get(dr, "strategy", null) == null
	not object.get(dr, "multi_region", false) == true
	msg := "the design does not say which disaster recovery strategy the service follows, so the failures its copies must survive are unknown"
}

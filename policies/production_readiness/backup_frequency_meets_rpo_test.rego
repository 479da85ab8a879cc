package archvet.rules.production_readiness.backup_frequency_meets_rpo_test

import rego.v1

import data.archvet.rules.production_readiness.backup_frequency_meets_rpo as rule

paths(findings) := {f.path | some f in findings}

well_protected := {
	"name": "orders-db",
	"kind": "relational",
	"backups": {"enabled": true, "frequency_hours": 24, "point_in_time": true, "cross_region": true},
	"replication": {"mode": "sync", "multi_az": true, "cross_region": true},
}

region_plan(rpo, store) := {
	"disaster_recovery": {"rpo_minutes": rpo, "multi_az": true, "strategy": "warm-standby"},
	"data_stores": [store],
}

test_applicability if {
	rule.applicable with input as region_plan(5, well_protected)
	not rule.applicable with input as {"data_stores": [well_protected]}
	not rule.applicable with input as {"disaster_recovery": {"rpo_minutes": 5}, "data_stores": [{"name": "q", "kind": "queue"}]}
}

test_copies_for_every_scope_pass if {
	count(rule.deny) == 0 with input as region_plan(5, well_protected)
	count(rule.unanswered) == 0 with input as region_plan(5, well_protected)
}

# E7 and bug 4: in-region PITR does not meet a region-loss plan; the only
# copy abroad is a daily backup.
test_e7_in_region_pitr_does_not_cover_region_loss if {
	store := json.patch(well_protected, [{"op": "replace", "path": "/replication/cross_region", "value": false}])
	findings := rule.deny with input as region_plan(5, store)
	paths(findings) == {"data_stores[0].backups.frequency_hours"}
	some f in findings
	contains(f.msg, "loss of a region")
}

# E12 from the data side: warm standby in a second region while the primary
# store has no copy outside its region.
test_e12_warm_standby_without_cross_region_copy_fails if {
	store := json.patch(well_protected, [
		{"op": "replace", "path": "/replication/cross_region", "value": false},
		{"op": "replace", "path": "/backups/cross_region", "value": false},
	])
	findings := rule.deny with input as region_plan(5, store)
	paths(findings) == {"data_stores[0].replication.cross_region"}
	some f in findings
	contains(f.msg, "no copy")
}

test_replicas_do_not_undo_a_bad_write if {
	store := {"name": "ledger", "backups": {"enabled": true, "frequency_hours": 24, "point_in_time": false}, "replication": {"mode": "sync", "multi_az": true}}
	findings := rule.deny with input as {"disaster_recovery": {"rpo_minutes": 60, "multi_az": true}, "data_stores": [store]}
	paths(findings) == {"data_stores[0].backups.frequency_hours"}
	some f in findings
	contains(f.msg, "bad write")
}

test_frequent_backups_meet_the_rpo_at_the_limit if {
	store := {"name": "files", "kind": "object", "backups": {"enabled": true, "frequency_hours": 1, "point_in_time": false}}
	count(rule.deny) == 0 with input as {"disaster_recovery": {"rpo_minutes": 60}, "data_stores": [store]}
	paths(rule.deny) == {"data_stores[0].backups.frequency_hours"} with input as {"disaster_recovery": {"rpo_minutes": 59}, "data_stores": [store]}
}

test_pitr_loss_parameter_boundary if {
	store := {"name": "db", "backups": {"enabled": true, "point_in_time": true, "frequency_hours": 24}}
	count(rule.deny) == 0 with input as {"disaster_recovery": {"rpo_minutes": 5}, "data_stores": [store]}
	paths(rule.deny) == {"data_stores[0].backups.point_in_time"} with input as {"disaster_recovery": {"rpo_minutes": 4}, "data_stores": [store]}
	count(rule.deny) == 0 with input as {"disaster_recovery": {"rpo_minutes": 4}, "data_stores": [store]}
		with data.archvet.params as {"PR306": {"pitr_loss_minutes": [4, 4, 4, 4]}}
}

async_plan(rpo) := {
	"disaster_recovery": {"rpo_minutes": rpo, "multi_region": true},
	"data_stores": [json.patch(well_protected, [
		{"op": "replace", "path": "/replication/mode", "value": "async"},
		{"op": "replace", "path": "/backups/cross_region", "value": false},
	])],
}

# A point-in-time log that loses nothing, so only the replica lag counts.
exact_pitr := {"PR306": {"pitr_loss_minutes": [0, 0, 0, 0]}}

test_async_lag_parameter_boundary if {
	count(rule.deny) == 0 with input as async_plan(1) with data.archvet.params as exact_pitr
	paths(rule.deny) == {"data_stores[0].replication.cross_region"} with input as async_plan(0.5) with data.archvet.params as exact_pitr
}

test_unstated_region_copies_are_open_questions if {
	store := {"name": "db", "backups": {"enabled": true, "point_in_time": true, "frequency_hours": 24}}
	findings := rule.unanswered with input as region_plan(5, store)
	paths(findings) == {
		"data_stores[0].replication.cross_region",
		"data_stores[0].replication.mode",
		"data_stores[0].backups.cross_region",
	}
	count(rule.deny) == 0 with input as region_plan(5, store)
}

test_unstated_backups_are_open_questions if {
	findings := rule.unanswered with input as {"disaster_recovery": {"rpo_minutes": 5, "strategy": "backup-restore"}, "data_stores": [{"name": "db"}]}
	paths(findings) == {"data_stores[0].backups.point_in_time", "data_stores[0].backups.frequency_hours"}
}

test_strategy_deleted_is_unanswered if {
	inp := {"disaster_recovery": {"rpo_minutes": 60}, "data_stores": [{"name": "db", "backups": {"enabled": true, "frequency_hours": 1, "point_in_time": true}}]}
	{f.path | some f in rule.unanswered} == {"disaster_recovery.strategy"} with input as inp
	count(rule.deny) == 0 with input as inp
}

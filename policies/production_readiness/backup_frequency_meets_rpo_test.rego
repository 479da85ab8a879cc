package archvet.rules.production_readiness.backup_frequency_meets_rpo_test

import rego.v1

import data.archvet.rules.production_readiness.backup_frequency_meets_rpo as rule

test_frequent_or_pitr_backups_pass if {
	count(rule.deny) == 0 with input as {
		"disaster_recovery": {"rpo_minutes": 60},
		"data_stores": [
			{"name": "orders-db", "backups": {"enabled": true, "frequency_hours": 24, "point_in_time": true}},
			{"name": "files", "kind": "object", "backups": {"enabled": true, "frequency_hours": 1}},
		],
	}
}

test_daily_backup_breaks_hourly_rpo if {
	findings := rule.deny with input as {
		"disaster_recovery": {"rpo_minutes": 60},
		"data_stores": [
			{"name": "orders-db", "backups": {"enabled": true, "point_in_time": true}},
			{"name": "ledger", "backups": {"enabled": true, "frequency_hours": 24}},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].backups.frequency_hours"
	contains(f.msg, "ledger")
}

test_unknown_frequency_fails if {
	some f in rule.deny with input as {
		"disaster_recovery": {"rpo_minutes": 60},
		"data_stores": [{"name": "ledger", "backups": {"enabled": true}}],
	}
	f.path == "data_stores[0].backups.frequency_hours"
	contains(f.msg, "does not say")
}

test_no_rpo_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "ledger", "backups": {"enabled": true}}]}
}

package archvet.rules.production_readiness.backup_restore_tested_test

import rego.v1

import data.archvet.rules.production_readiness.backup_restore_tested as rule

# 2026-11-23T00:00:00Z
now := 1795392000000000000

test_recent_restore_passes if {
	count(rule.deny) == 0 with input as {"data_stores": [{
		"name": "orders-db",
		"backups": {"enabled": true, "restore_tested": true, "last_restore_test": "2026-03-01"},
	}]}
		with time.now_ns as now
}

test_untested_restore_fails if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "backups": {"enabled": true, "restore_tested": true, "last_restore_test": "2026-03-01"}},
		{"name": "ledger", "backups": {"enabled": true, "restore_tested": false}},
	]}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].backups.restore_tested"
	contains(f.msg, "ledger")
}

test_stale_restore_fails_for_critical_service if {
	findings := rule.deny with input as {
		"service": {"name": "x", "owner": "t", "tier": 1},
		"data_stores": [{"name": "ledger", "backups": {"enabled": true, "restore_tested": true, "last_restore_test": "2025-06-30"}}],
	}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "data_stores[0].backups.last_restore_test"
	contains(f.msg, "2025-06-30")
}

test_missing_restore_date_fails_for_critical_service if {
	some f in rule.deny with input as {"data_stores": [{"name": "ledger", "backups": {"enabled": true, "restore_tested": true}}]}
		with time.now_ns as now
	f.path == "data_stores[0].backups.last_restore_test"
}

test_old_restore_accepted_for_tier_2 if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "x", "owner": "t", "tier": 2},
		"data_stores": [{"name": "ledger", "backups": {"enabled": true, "restore_tested": true, "last_restore_test": "2023-01-01"}}],
	}
		with time.now_ns as now
}

test_no_enabled_backups_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "ledger", "backups": {"enabled": false}}]}
}

package archvet.rules.production_readiness.backup_retention_test

import rego.v1

import data.archvet.rules.production_readiness.backup_retention as rule

test_long_retention_passes if {
	count(rule.deny) == 0 with input as {"data_stores": [{"name": "orders-db", "backups": {"enabled": true, "retention_days": 35}}]}
}

test_short_retention_fails_for_tier_0 if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "backups": {"enabled": true, "retention_days": 35}},
		{"name": "ledger", "backups": {"enabled": true, "retention_days": 7}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].backups.retention_days"
	contains(f.msg, "at least 35 days")
}

test_week_is_enough_for_tier_3 if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "x", "owner": "t", "tier": 3},
		"data_stores": [{"name": "ledger", "backups": {"enabled": true, "retention_days": 7}}],
	}
}

test_missing_retention_fails if {
	some f in rule.unanswered with input as {"data_stores": [{"name": "ledger", "backups": {"enabled": true}}]}
	f.path == "data_stores[0].backups.retention_days"
}

test_no_backups_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "ledger"}]}
}

retention_design(tier, days) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"data_stores": [{"name": "db", "backups": {"enabled": true, "retention_days": days}}],
}

test_retention_at_each_tier if {
	every tier, limit in [35, 30, 14, 7] {
		count(rule.deny) == 0 with input as retention_design(tier, limit)
		{f.path | some f in rule.deny} == {"data_stores[0].backups.retention_days"} with input as retention_design(tier, limit - 1)
	}
}

test_cover_applicable if {
	rule.applicable with input as {"data_stores": [{"name": "ledger", "backups": {"enabled": true}}]}
}

package archvet.rules.production_readiness.data_pii_backup_retention_test

import rego.v1

import data.archvet.rules.production_readiness.data_pii_backup_retention as rule

store(retention, kept) := {
	"name": "users",
	"contains_pii": true,
	"retention_days": retention,
	"backups": {"enabled": true, "retention_days": kept},
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as {"data_stores": [store(30, 30)]}
	not rule.applicable with input as {"data_stores": [{"name": "logs", "backups": {"enabled": true}}]}
}

# R2: PII kept 30 days, backups kept 400.
test_r2_backups_outlive_the_retention if {
	findings := rule.deny with input as {"data_stores": [store(30, 400)]}
	paths(findings) == {"data_stores[0].backups.retention_days"}
	some f in findings
	contains(f.msg, "400 days")
}

test_boundary if {
	count(rule.deny) == 0 with input as {"data_stores": [store(30, 30)]}
	count(rule.deny) == 1 with input as {"data_stores": [store(30, 31)]}
}

test_service_retention_applies_when_the_store_is_silent if {
	design := {"data": {"retention_days": 90}, "data_stores": [{"name": "u", "contains_pii": true, "backups": {"enabled": true, "retention_days": 120}}]}
	paths(rule.deny) == {"data_stores[0].backups.retention_days"} with input as design
}

test_unstated_periods_are_open_questions if {
	design := {"data_stores": [{"name": "u", "contains_pii": true, "backups": {"enabled": true}}]}
	paths(rule.unanswered) == {"data_stores[0].backups.retention_days", "data_stores[0].retention_days"} with input as design
	count(rule.deny) == 0 with input as design
}

test_override_allows_an_overrun if {
	count(rule.deny) == 0 with input as {"data_stores": [store(30, 35)]}
		with data.archvet.params as {"PR331": {"max_backup_overrun_days": [5, 5, 5, 5]}}
}

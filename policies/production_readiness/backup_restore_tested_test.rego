package archvet.rules.production_readiness.backup_restore_tested_test

import rego.v1

import data.archvet.rules.production_readiness.backup_restore_tested as rule

# 2026-11-23T00:00:00Z
now := 1795392000000000000

day_ns := ((24 * 60) * 60) * 1000000000

# date_before(days) is the YYYY-MM-DD date that many days before now.
date_before(days) := substring(time.format([now - (days * day_ns), "UTC", "2006-01-02"]), 0, 10)

design(tier, date) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"data_stores": [{"name": "ledger", "backups": {"enabled": true, "restore_tested": true, "last_restore_test": date}}],
}

paths(findings) := {f.path | some f in findings}

test_applicability if {
	rule.applicable with input as design(3, "2026-01-01")
	not rule.applicable with input as {"data_stores": [{"name": "ledger", "backups": {"enabled": false}}]}
}

test_recent_restore_passes if {
	count(rule.deny) == 0 with input as design(0, "2026-11-01") with time.now_ns as now
	count(rule.unanswered) == 0 with input as design(0, "2026-11-01") with time.now_ns as now
}

test_untested_restore_fails if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "backups": {"enabled": true, "restore_tested": true, "last_restore_test": "2026-10-01"}},
		{"name": "ledger", "backups": {"enabled": true, "restore_tested": false}},
	]}
		with time.now_ns as now
	paths(findings) == {"data_stores[1].backups.restore_tested"}
}

test_unknown_restore_is_an_open_question if {
	input_design := {"data_stores": [{"name": "ledger", "backups": {"enabled": true}}]}
	paths(rule.unanswered) == {"data_stores[0].backups.restore_tested"} with input as input_design
	count(rule.deny) == 0 with input as input_design
}

test_missing_restore_date_is_an_open_question_at_every_tier if {
	every tier in [0, 3] {
		paths(rule.unanswered) == {"data_stores[0].backups.last_restore_test"} with input as {
			"service": {"name": "x", "owner": "t", "tier": tier},
			"data_stores": [{"name": "ledger", "backups": {"enabled": true, "restore_tested": true}}],
		}
	}
}

# E11 and bug 9: a tier-2 restore test from 2019 is not recent.
test_e11_old_restore_fails_at_tier_2 if {
	findings := rule.deny with input as design(2, "2019-01-01") with time.now_ns as now
	paths(findings) == {"data_stores[0].backups.last_restore_test"}
	some f in findings
	contains(f.msg, "2019-01-01")
}

test_restore_age_at_each_tier if {
	every tier, limit in [180, 365, 365, 730] {
		count(rule.deny) == 0 with input as design(tier, date_before(limit)) with time.now_ns as now
		paths(rule.deny) == {"data_stores[0].backups.last_restore_test"} with input as design(tier, date_before(limit + 1))
			with time.now_ns as now
	}
}

test_override_of_the_age if {
	count(rule.deny) == 0 with input as design(0, date_before(300)) with time.now_ns as now
		with data.archvet.params as {"PR301": {"max_restore_age_days": [365, 365, 365, 730]}}
}

package archvet.rules.production_readiness.testing_chaos_engineering_test

import rego.v1

import data.archvet.rules.production_readiness.testing_chaos_engineering as rule

# 2026-06-01T00:00:00Z
now := 1780272000000000000

test_recent_game_day_passes if {
	count(rule.deny) == 0 with input as {"operations": {"chaos_testing": {
		"enabled": true,
		"scenarios": ["zone loss"],
		"last_game_day": "2025-12-01",
	}}}
		with time.now_ns as now
}

test_stale_game_day_fails if {
	findings := rule.deny with input as {"operations": {"chaos_testing": {
		"enabled": true,
		"scenarios": ["zone loss"],
		"last_game_day": "2024-03-01",
	}}}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "operations.chaos_testing.last_game_day"
	contains(f.msg, "2024-03-01")
}

test_disabled_fails if {
	count(rule.unanswered) == 0 with input as {"operations": {"chaos_testing": {"enabled": false}}}
	findings := rule.deny with input as {"operations": {"chaos_testing": {"enabled": false}}}
		with time.now_ns as now
	count(findings) == 1
	some f in findings
	f.path == "operations.chaos_testing.enabled"
}

test_no_scenarios_fails if {
	some f in rule.deny with input as {"operations": {"chaos_testing": {"enabled": true, "last_game_day": "2026-05-01"}}}
		with time.now_ns as now
	f.path == "operations.chaos_testing.scenarios"
}

test_invalid_date_fails if {
	some f in rule.deny with input as {"operations": {"chaos_testing": {
		"enabled": true,
		"scenarios": ["zone loss"],
		"last_game_day": "last spring",
	}}}
		with time.now_ns as now
	f.path == "operations.chaos_testing.last_game_day"
	contains(f.msg, "not a date")
}

test_tier2_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 2}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

test_cover_chaos_enabled_unanswered if {
	"operations.chaos_testing.enabled" in {f.path | some f in rule.unanswered} with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

test_cover_last_game_day_unanswered if {
	design := {"service": {"name": "x", "owner": "t", "tier": 0}, "operations": {"chaos_testing": {"enabled": true}}}
	"operations.chaos_testing.last_game_day" in {f.path | some f in rule.unanswered} with input as design
}

# says holds when one of the findings' messages contains text.
says(findings, text) if {
	some f in findings
	contains(f.msg, text)
}

game_day(tier, date) := {
	"service": {"name": "s", "owner": "t", "tier": tier},
	"operations": {"chaos_testing": {"enabled": true, "scenarios": ["zone loss"], "last_game_day": date}},
}

# A year to the day passes at each tier the rule applies to; a day more fails.
test_age_limit_at_each_tier if {
	every tier in [0, 1] {
		count(rule.deny) == 0 with input as game_day(tier, "2025-06-01") with time.now_ns as now
		says(rule.deny, "more than 365 days ago") with input as game_day(tier, "2025-05-31") with time.now_ns as now
	}
}

test_override_of_the_age_limit if {
	count(rule.deny) == 0 with input as game_day(0, "2026-05-02") with time.now_ns as now
		with data.archvet.params as {"PR453": {"max_game_day_age_days": [30, 30, 30, 30]}}
	count(rule.deny) == 1 with input as game_day(0, "2026-05-01") with time.now_ns as now
		with data.archvet.params as {"PR453": {"max_game_day_age_days": [30, 30, 30, 30]}}
}

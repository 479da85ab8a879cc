package archvet.rules.production_readiness.dr_strategy_test

import rego.v1

import data.archvet.rules.production_readiness.dr_strategy as rule

test_fitting_strategy_passes if {
	count(rule.deny) == 0 with input as {"disaster_recovery": {
		"rto_minutes": 30,
		"strategy": "warm-standby",
		"plan": "docs/dr.md",
	}}
}

test_missing_strategy_and_plan_fail if {
	findings := rule.unanswered with input as {"disaster_recovery": {"rto_minutes": 30}}
	{f.path | some f in findings} == {"disaster_recovery.strategy", "disaster_recovery.plan"}
}

test_backup_restore_cannot_meet_short_rto if {
	findings := rule.deny with input as {"disaster_recovery": {
		"rto_minutes": 60,
		"strategy": "backup-restore",
		"plan": "docs/dr.md",
	}}
	count(findings) == 1
	some f in findings
	f.path == "disaster_recovery.strategy"
	contains(f.msg, "backup-restore")
}

test_backup_restore_fine_for_long_rto if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "x", "owner": "t", "tier": 2},
		"disaster_recovery": {"rto_minutes": 1440, "strategy": "backup-restore", "plan": "docs/dr.md"},
	}
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

# says holds when one of the findings' messages contains text.
says(findings, text) if {
	some f in findings
	contains(f.msg, text)
}

strategy(name, rto) := {"disaster_recovery": {"rto_minutes": rto, "strategy": name, "plan": "docs/dr.md"}}

# Each strategy's floor: an RTO at it passes, a minute under fails.
test_recovery_floor_of_each_strategy if {
	every name, minutes in {"backup-restore": 240, "pilot-light": 30} {
		count(rule.deny) == 0 with input as strategy(name, minutes)
		says(rule.deny, sprintf("under %d minutes", [minutes])) with input as strategy(name, minutes - 1)
	}
}

test_override_of_a_recovery_floor if {
	count(rule.deny) == 1 with input as strategy("pilot-light", 45)
		with data.archvet.params as {"PR309": {"pilot_light_recovery_minutes": [60, 60, 60, 60]}}
}

# Tier 2 is the last tier judged; a tier 3 prototype is asked nothing.
test_tier_2_is_judged_and_tier_3_is_not if {
	short := {"service": {"tier": 2}, "disaster_recovery": {"rto_minutes": 60, "strategy": "backup-restore"}}
	{f.path | some f in rule.deny} == {"disaster_recovery.strategy"} with input as short
	{f.path | some f in rule.unanswered} == {"disaster_recovery.plan"} with input as short
	rule.applicable with input as short
	prototype := {"service": {"tier": 3}, "disaster_recovery": {"rto_minutes": 60, "strategy": "backup-restore"}}
	count(rule.deny) == 0 with input as prototype
	count(rule.unanswered) == 0 with input as prototype
	count(rule.unanswered) == 0 with input as {"service": {"tier": 3}}
	count(rule.unanswered) == 2 with input as {"service": {"tier": 2}}
}

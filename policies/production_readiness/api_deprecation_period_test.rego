package archvet.rules.production_readiness.api_deprecation_period_test

import rego.v1

import data.archvet.rules.production_readiness.api_deprecation_period

test_long_notice_passes if {
	count(api_deprecation_period.deny) == 0 with input as {"apis": [
		{"name": "orders", "exposure": "public", "deprecation_days": 180},
		{"name": "admin", "exposure": "internal"},
	]}
}

test_short_notice_fails if {
	findings := api_deprecation_period.deny with input as {"apis": [
		{"name": "orders", "exposure": "public", "deprecation_days": 180},
		{"name": "partners", "exposure": "partner", "deprecation_days": 30},
		{"name": "legacy", "exposure": "public", "deprecation_days": 0},
	]}
	paths := {f.path | some f in findings}
	paths == {"apis[1].deprecation_days", "apis[2].deprecation_days"}
	count(findings) == 2
}

test_unstated_fails if {
	api_deprecation_period.applicable with input as {"apis": [{"name": "orders"}]}
	some f in api_deprecation_period.unanswered with input as {"apis": [{"name": "orders"}]}
	f.path == "apis[0].deprecation_days"
	contains(f.msg, "does not say")
}

test_internal_only_not_applicable if {
	not api_deprecation_period.applicable with input as {"apis": [{"name": "admin", "exposure": "internal"}]}
}

tier_input(tier, days) := {"service": {"tier": tier}, "apis": [{"name": "orders", "deprecation_days": days}]}

test_tier_boundaries if {
	count(api_deprecation_period.deny) == 0 with input as tier_input(0, 180)
	count(api_deprecation_period.deny) == 1 with input as tier_input(0, 179)
	count(api_deprecation_period.deny) == 0 with input as tier_input(1, 90)
	count(api_deprecation_period.deny) == 1 with input as tier_input(1, 89)
	count(api_deprecation_period.deny) == 0 with input as tier_input(2, 90)
	count(api_deprecation_period.deny) == 1 with input as tier_input(2, 89)
	count(api_deprecation_period.deny) == 0 with input as tier_input(3, 30)
	count(api_deprecation_period.deny) == 1 with input as tier_input(3, 29)
}

test_override if {
	count(api_deprecation_period.deny) == 1 with input as tier_input(3, 364)
		with data.archvet.params as {"PR103": {"min_deprecation_days": [365, 365, 365, 365]}}
}

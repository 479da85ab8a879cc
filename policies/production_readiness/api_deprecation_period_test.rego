package archvet.rules.production_readiness.api_deprecation_period_test

import rego.v1

import data.archvet.rules.production_readiness.api_deprecation_period

test_long_notice_passes if {
	count(api_deprecation_period.deny) == 0 with input as {"apis": [
		{"name": "orders", "exposure": "public", "deprecation_days": 90},
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
	some f in api_deprecation_period.deny with input as {"apis": [{"name": "orders"}]}
	f.path == "apis[0].deprecation_days"
	contains(f.msg, "does not say")
}

test_internal_only_not_applicable if {
	not api_deprecation_period.applicable with input as {"apis": [{"name": "admin", "exposure": "internal"}]}
}

package archvet.rules.twelve_factor.fast_startup_test

import rego.v1

import data.archvet.rules.twelve_factor.fast_startup as rule

test_fast_startup_passes if {
	count(rule.deny) == 0 with input as {"service": {"tier": 0}, "processes": {"startup_seconds": 12}}
}

test_slow_startup_fails_for_critical_tier if {
	findings := rule.deny with input as {"service": {"tier": 1}, "processes": {"startup_seconds": 90}}
	count(findings) == 1
	some f in findings
	f.path == "processes.startup_seconds"
	contains(f.msg, "within 60s")
}

test_same_startup_passes_for_lower_tier if {
	count(rule.deny) == 0 with input as {"service": {"tier": 2}, "processes": {"startup_seconds": 90}}
}

test_very_slow_startup_fails_for_lower_tier if {
	some f in rule.deny with input as {"service": {"tier": 3}, "processes": {"startup_seconds": 300}}
	f.path == "processes.startup_seconds"
	contains(f.msg, "within 180s")
}

test_missing_startup_fails if {
	some f in rule.unanswered with input as {"processes": {}}
	f.path == "processes.startup_seconds"
	contains(f.msg, "does not say")
}

test_startup_limit_at_each_tier if {
	every tier, limit in [45, 60, 120, 180] {
		count(rule.deny) == 0 with input as {"service": {"tier": tier}, "processes": {"startup_seconds": limit}}
		{f.path | some f in rule.deny} == {"processes.startup_seconds"} with input as {"service": {"tier": tier}, "processes": {"startup_seconds": limit + 1}}
	}
}

test_startup_override if {
	count(rule.deny) == 1 with input as {"service": {"tier": 2}, "processes": {"startup_seconds": 20}}
		with data.archvet.params as {"TF021": {"max_startup_seconds": [10, 10, 10, 10]}}
}

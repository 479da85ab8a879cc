package archvet.rules.production_readiness.slo_rolling_window_test

import rego.v1

import data.archvet.rules.production_readiness.slo_rolling_window as rule

test_window_declared_passes if {
	count(rule.deny) == 0 with input as {"slos": [{"name": "avail", "window_days": 28}]}
}

test_missing_window_fails if {
	findings := rule.unanswered with input as {"slos": [{"name": "avail", "window_days": 28}, {"name": "lat"}]}
	count(findings) == 1
	some f in findings
	f.path == "slos[1].window_days"
}

test_no_slos_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
}

design(tier, days) := {"service": {"name": "s", "owner": "t", "tier": tier}, "slos": [{"name": "avail", "window_days": days}]}

test_window_at_each_tier if {
	every tier, limit in [28, 28, 7, 7] {
		count(rule.deny) == 0 with input as design(tier, limit)
		{f.path | some f in rule.deny} == {"slos[0].window_days"} with input as design(tier, limit - 1)
	}
}

test_applicable_with_an_slo if {
	rule.applicable with input as design(0, 28)
}

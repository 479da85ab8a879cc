package archvet.rules.production_readiness.slo_rolling_window_test

import rego.v1

import data.archvet.rules.production_readiness.slo_rolling_window as rule

test_window_declared_passes if {
	count(rule.deny) == 0 with input as {"slos": [{"name": "avail", "window_days": 28}]}
}

test_missing_window_fails if {
	findings := rule.deny with input as {"slos": [{"name": "avail", "window_days": 28}, {"name": "lat"}]}
	count(findings) == 1
	some f in findings
	f.path == "slos[1].window_days"
}

test_no_slos_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
}

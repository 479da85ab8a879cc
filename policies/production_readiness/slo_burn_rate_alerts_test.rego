package archvet.rules.production_readiness.slo_burn_rate_alerts_test

import rego.v1

import data.archvet.rules.production_readiness.slo_burn_rate_alerts as rule

test_burn_rate_alerts_pass if {
	count(rule.deny) == 0 with input as {"slos": [{"name": "avail", "burn_rate_alerts": true}]}
}

test_disabled_burn_rate_alerts_fail if {
	findings := rule.deny with input as {"slos": [
		{"name": "avail", "burn_rate_alerts": true},
		{"name": "lat", "burn_rate_alerts": false},
	]}
	count(findings) == 1
	some f in findings
	f.path == "slos[1].burn_rate_alerts"
	contains(f.msg, "no burn-rate alerts")
}

test_unstated_burn_rate_alerts_fail if {
	some f in rule.unanswered with input as {"slos": [{"name": "avail"}]}
	f.path == "slos[0].burn_rate_alerts"
	contains(f.msg, "does not say")
}

test_no_slos_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
}

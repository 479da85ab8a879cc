package archvet.rules.production_readiness.slo_watched_by_alert_test

import rego.v1

import data.archvet.rules.production_readiness.slo_watched_by_alert as rule

test_watched_slos_pass if {
	count(rule.deny) == 0 with input as {
		"slos": [{"name": "avail"}, {"name": "lat"}],
		"observability": {"alerts": [
			{"name": "avail-burn", "slo": "avail"},
			{"name": "lat-burn", "slo": "lat"},
		]},
	}
}

test_unwatched_slo_fails if {
	findings := rule.deny with input as {
		"slos": [{"name": "avail"}, {"name": "lat", "burn_rate_alerts": true}],
		"observability": {"alerts": [{"name": "avail-burn", "slo": "avail"}, {"name": "cpu"}]},
	}
	count(findings) == 1
	some f in findings
	f.path == "slos[1]"
	contains(f.msg, "lat")
}

test_no_alerts_fails_every_slo if {
	findings := rule.deny with input as {"slos": [{"name": "avail"}, {"name": "lat"}]}
	count(findings) == 2
}

test_no_slos_not_applicable if {
	not rule.applicable with input as {"observability": {"alerts": [{"name": "a"}]}}
}

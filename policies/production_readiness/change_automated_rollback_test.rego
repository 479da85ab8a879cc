package archvet.rules.production_readiness.change_automated_rollback_test

import rego.v1

import data.archvet.rules.production_readiness.change_automated_rollback as rule

test_automated_rollback_passes if {
	count(rule.deny) == 0 with input as {
		"processes": {"health_checks": {"readiness": "/ready"}},
		"deployment": {"rollback": {"automated": true}},
	}
}

test_manual_rollback_fails if {
	findings := rule.deny with input as {"deployment": {"rollback": {"automated": false}}}
	count(findings) == 1
	some f in findings
	f.path == "deployment.rollback.automated"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"deployment": {}}
	f.path == "deployment.rollback.automated"
	contains(f.msg, "does not say")
}

test_tier2_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 2}}
}

test_automated_rollback_without_signal_fails if {
	findings := rule.deny with input as {"deployment": {"rollback": {"automated": true}}}
	count(findings) == 1
	some f in findings
	f.path == "deployment.rollback.automated"
	contains(f.msg, "trigger")
}

test_automated_rollback_on_slo_burn_passes if {
	count(rule.deny) == 0 with input as {
		"slos": [{"name": "avail", "burn_rate_alerts": true}],
		"deployment": {"rollback": {"automated": true}},
	}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

package archvet.rules.production_readiness.change_rollback_tested_test

import rego.v1

import data.archvet.rules.production_readiness.change_rollback_tested as rule

test_tested_passes if {
	count(rule.deny) == 0 with input as {"deployment": {"rollback": {"tested": true}}}
}

test_untested_fails if {
	findings := rule.deny with input as {"deployment": {"rollback": {"automated": true, "tested": false}}}
	count(findings) == 1
	some f in findings
	f.path == "deployment.rollback.tested"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"service": {"name": "s", "owner": "t", "tier": 2}}
	f.path == "deployment.rollback.tested"
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

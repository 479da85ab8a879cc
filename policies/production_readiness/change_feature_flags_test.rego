package archvet.rules.production_readiness.change_feature_flags_test

import rego.v1

import data.archvet.rules.production_readiness.change_feature_flags as rule

test_flags_pass if {
	count(rule.deny) == 0 with input as {"deployment": {"feature_flags": true}}
}

test_no_flags_fails if {
	findings := rule.deny with input as {"deployment": {"feature_flags": false}}
	count(findings) == 1
	some f in findings
	f.path == "deployment.feature_flags"
}

test_unstated_fails if {
	some f in rule.unanswered with input as {"deployment": {}}
	contains(f.msg, "does not say")
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

package archvet.rules.production_readiness.incident_runbooks_test

import rego.v1

import data.archvet.rules.production_readiness.incident_runbooks as rule

test_runbooks_pass if {
	count(rule.deny) == 0 with input as {"operations": {"runbooks": ["runbooks/rollback.md"]}}
}

test_no_runbooks_fails if {
	findings := rule.deny with input as {"operations": {"runbooks": []}}
	count(findings) == 1
	some f in findings
	f.path == "operations.runbooks"
}

test_tier3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 3}}
}

test_cover_runbooks_unanswered if {
	{f.path | some f in rule.unanswered} == {"operations.runbooks"} with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

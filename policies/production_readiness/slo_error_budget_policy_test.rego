package archvet.rules.production_readiness.slo_error_budget_policy_test

import rego.v1

import data.archvet.rules.production_readiness.slo_error_budget_policy as rule

test_policy_linked_passes if {
	count(rule.deny) == 0 with input as {"slos": [{"name": "avail", "error_budget_policy": "docs/ebp.md"}]}
}

test_missing_policy_fails if {
	findings := rule.deny with input as {"slos": [
		{"name": "avail", "error_budget_policy": "docs/ebp.md"},
		{"name": "lat"},
		{"name": "fresh", "error_budget_policy": ""},
	]}
	count(findings) == 2
	some f in findings
	f.path == "slos[1].error_budget_policy"
	some g in findings
	g.path == "slos[2].error_budget_policy"
}

test_no_slos_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
}

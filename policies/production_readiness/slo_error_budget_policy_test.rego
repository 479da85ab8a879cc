package archvet.rules.production_readiness.slo_error_budget_policy_test

import rego.v1

import data.archvet.rules.production_readiness.slo_error_budget_policy as rule

test_policy_linked_passes if {
	count(rule.deny) == 0 with input as {"slos": [{"name": "avail", "error_budget_policy": "docs/ebp.md"}]}
}

test_missing_policy_fails if {
	findings := rule.unanswered with input as {"slos": [
		{"name": "avail", "error_budget_policy": "docs/ebp.md"},
		{"name": "lat"},
		{"name": "fresh", "error_budget_policy": ""},
	]}
	{f.path | some f in findings} == {"slos[1].error_budget_policy"}
}

test_no_slos_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 0}}
}

test_empty_policy_fails if {
	{f.path | some f in rule.deny} == {"slos[0].error_budget_policy"} with input as {"slos": [{"name": "avail", "error_budget_policy": ""}]}
}

test_cover_applicable if {
	rule.applicable with input as {"slos": [{"name": "availability"}]}
}

package archvet.rules.twelve_factor.codebase_not_shared_test

import rego.v1

import data.archvet.rules.twelve_factor.codebase_not_shared as rule

test_own_codebase_passes if {
	count(rule.deny) == 0 with input as {"codebase": {"repository": "git/orders", "shared_with": []}}
}

test_absent_list_passes if {
	count(rule.deny) == 0 with input as {"codebase": {"repository": "git/orders"}}
}

test_each_sharing_service_is_a_finding if {
	findings := rule.deny with input as {"codebase": {"repository": "git/shop", "shared_with": ["billing", "invoices"]}}
	count(findings) == 2
	{f.path | some f in findings} == {"codebase.shared_with[0]", "codebase.shared_with[1]"}
}

package archvet.rules.twelve_factor.codebase_in_version_control_test

import rego.v1

import data.archvet.rules.twelve_factor.codebase_in_version_control as rule

test_named_repository_passes if {
	count(rule.deny) == 0 with input as {"codebase": {"repository": "https://git.example.com/shop/orders"}}
}

test_missing_repository_fails if {
	findings := rule.deny with input as {"service": {"name": "orders", "owner": "shop", "tier": 1}}
	count(findings) == 1
	some f in findings
	f.path == "codebase.repository"
}

test_blank_repository_fails if {
	some f in rule.deny with input as {"codebase": {"repository": "  "}}
	f.path == "codebase.repository"
}

package archvet.rules.twelve_factor.codebase_in_version_control_test

import rego.v1

import data.archvet.rules.twelve_factor.codebase_in_version_control as rule

test_named_unshared_repository_passes if {
	inp := {"codebase": {"repository": "https://git.example.com/shop/orders", "shared_with": []}}
	count(rule.deny) == 0 with input as inp
	count(rule.unanswered) == 0 with input as inp
}

test_missing_repository_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"codebase.repository", "codebase.shared_with"} with input as {}
	count(rule.deny) == 0 with input as {}
}

test_blank_repository_is_unanswered if {
	{f.path | some f in rule.unanswered} == {"codebase.repository"} with input as {"codebase": {"repository": "  ", "shared_with": []}}
}

test_shared_codebase_fails if {
	findings := rule.deny with input as {"codebase": {"repository": "r", "shared_with": ["a", "b"]}}
	{f.path | some f in findings} == {"codebase.shared_with[0]", "codebase.shared_with[1]"}
}

test_sharing_with_itself_fails_twice if {
	findings := rule.deny with input as {"service": {"name": "orders"}, "codebase": {"repository": "r", "shared_with": ["orders"]}}
	count(findings) == 2
	some f in findings
	contains(f.msg, "the service itself")
}

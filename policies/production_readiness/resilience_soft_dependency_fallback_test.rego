package archvet.rules.production_readiness.resilience_soft_dependency_fallback_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_soft_dependency_fallback as rule

test_degrading_fallbacks_pass if {
	count(rule.deny) == 0 with input as {"dependencies": [
		{"name": "recommendations", "criticality": "soft", "fallback": "default-value"},
		{"name": "reviews", "criticality": "soft", "fallback": "cached-response"},
		{"name": "payments", "criticality": "hard", "fallback": "fail-fast"},
	]}
}

test_fail_fast_soft_dependency_fails if {
	findings := rule.deny with input as {"dependencies": [
		{"name": "recommendations", "criticality": "soft", "fallback": "default-value"},
		{"name": "reviews", "criticality": "soft", "fallback": "fail-fast"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].fallback"
	contains(f.msg, "fail-fast")
}

test_undecided_soft_fallback_fails if {
	some f in rule.deny with input as {"dependencies": [{"name": "reviews", "criticality": "soft"}]}
	f.path == "dependencies[0].fallback"
	contains(f.msg, "does not say")
}

test_no_soft_sync_dependency_not_applicable if {
	not rule.applicable with input as {"dependencies": [
		{"name": "payments", "criticality": "hard"},
		{"name": "analytics", "criticality": "soft", "interaction": "async"},
	]}
}

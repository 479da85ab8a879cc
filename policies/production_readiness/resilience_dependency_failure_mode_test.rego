package archvet.rules.production_readiness.resilience_dependency_failure_mode_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_dependency_failure_mode as rule

test_declared_failure_modes_pass if {
	count(rule.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "fallback": "fail-fast"},
		{"name": "recommendations", "interaction": "sync", "fallback": "cached-response"},
		{"name": "audit", "interaction": "async"},
	]}
}

test_missing_fallback_fails if {
	findings := rule.unanswered with input as {"dependencies": [
		{"name": "payments", "fallback": "fail-fast"},
		{"name": "ledger"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].fallback"
	contains(f.msg, "does not say")
}

test_fallback_none_fails if {
	some f in rule.deny with input as {"dependencies": [{"name": "ledger", "fallback": "none"}]}
	f.path == "dependencies[0].fallback"
	contains(f.msg, "ledger")
}

test_async_only_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "audit", "interaction": "async"}]}
}

# Formerly PR212: a soft dependency that fails fast still fails the request.
test_soft_fail_fast_fails if {
	inp := {"dependencies": [
		{"name": "pricing", "criticality": "soft", "fallback": "fail-fast"},
		{"name": "payments", "criticality": "hard", "fallback": "fail-fast"},
		{"name": "reco", "criticality": "soft", "fallback": "default-value"},
	]}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"dependencies[0].fallback"} with input as inp
}

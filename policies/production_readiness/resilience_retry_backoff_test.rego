package archvet.rules.production_readiness.resilience_retry_backoff_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_retry_backoff as rule

test_exponential_backoff_passes if {
	count(rule.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "retries": {"max_attempts": 3, "backoff": "exponential"}},
		{"name": "ledger", "retries": {"max_attempts": 1, "backoff": "none"}},
		{"name": "audit"},
	]}
}

test_fixed_backoff_fails if {
	findings := rule.deny with input as {"dependencies": [
		{"name": "payments", "retries": {"max_attempts": 3, "backoff": "exponential"}},
		{"name": "ledger", "retries": {"max_attempts": 4, "backoff": "fixed"}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].retries.backoff"
	contains(f.msg, "fixed backoff")
}

test_missing_backoff_fails if {
	some f in rule.unanswered with input as {"dependencies": [{"name": "ledger", "retries": {"jitter": true}}]}
	f.path == "dependencies[0].retries.backoff"
	contains(f.msg, "does not say")
}

test_no_retries_not_applicable if {
	not rule.applicable with input as {"dependencies": [
		{"name": "payments"},
		{"name": "ledger", "retries": {"max_attempts": 1}},
	]}
}

test_cover_applicable if {
	rule.applicable with input as {"dependencies": [{"name": "payments", "retries": {"max_attempts": 3}}]}
}

test_retries_deleted_is_unanswered if {
	inp := {"dependencies": [
		{"name": "a", "retries": {"max_attempts": 3, "backoff": "exponential"}},
		{"name": "b"},
	]}
	{f.path | some f in rule.unanswered} == {"dependencies[1].retries"} with input as inp
	count(rule.deny) == 0 with input as inp
}

package archvet.rules.production_readiness.resilience_retry_bounded_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_retry_bounded as rule

test_bounded_retries_pass if {
	count(rule.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "retries": {"max_attempts": 3}},
		{"name": "ledger"},
	]}
}

test_unbounded_retries_fail if {
	findings := rule.deny with input as {"dependencies": [
		{"name": "ledger"},
		{"name": "payments", "retries": {"backoff": "exponential", "jitter": true}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].retries.max_attempts"
	contains(f.msg, "payments")
}

test_no_retry_policy_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "ledger"}]}
}

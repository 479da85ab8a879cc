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
	findings := rule.unanswered with input as {"dependencies": [
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

# M3: 0 attempts is no bound.
test_zero_attempts_fail if {
	inp := {"dependencies": [{"name": "payments", "retries": {"max_attempts": 0}}, {"name": "ok", "retries": {"max_attempts": 1}}]}
	rule.applicable with input as inp
	{f.path | some f in rule.deny} == {"dependencies[0].retries.max_attempts"} with input as inp
}

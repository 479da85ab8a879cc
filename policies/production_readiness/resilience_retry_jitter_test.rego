package archvet.rules.production_readiness.resilience_retry_jitter_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_retry_jitter as rule

test_jittered_retries_pass if {
	count(rule.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "retries": {"max_attempts": 3, "jitter": true}},
		{"name": "ledger", "retries": {"max_attempts": 1}},
	]}
}

test_no_jitter_fails if {
	findings := rule.deny with input as {"dependencies": [
		{"name": "payments", "retries": {"max_attempts": 3, "jitter": true}},
		{"name": "ledger", "retries": {"max_attempts": 3, "jitter": false}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].retries.jitter"
	contains(f.msg, "lockstep")
}

test_unstated_jitter_fails if {
	some f in rule.unanswered with input as {"dependencies": [{"name": "ledger", "retries": {"max_attempts": 2}}]}
	f.path == "dependencies[0].retries.jitter"
	contains(f.msg, "does not say")
}

test_no_retries_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "payments", "retries": {"max_attempts": 0}}]}
}

test_cover_applicable if {
	rule.applicable with input as {"dependencies": [{"name": "payments", "retries": {"max_attempts": 3}}]}
}

test_retries_deleted_is_unanswered if {
	inp := {"dependencies": [
		{"name": "a", "retries": {"max_attempts": 3, "jitter": true}},
		{"name": "b"},
	]}
	{f.path | some f in rule.unanswered} == {"dependencies[1].retries"} with input as inp
	count(rule.deny) == 0 with input as inp
}

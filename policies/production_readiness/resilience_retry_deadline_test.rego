package archvet.rules.production_readiness.resilience_retry_deadline_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_retry_deadline as rule

test_retries_within_deadline_pass if {
	count(rule.deny) == 0 with input as {
		"apis": [{"name": "orders", "timeout_ms": 1000}, {"name": "admin", "timeout_ms": 3000}],
		"dependencies": [
			{"name": "payments", "timeout_ms": 1000, "retries": {"max_attempts": 3}},
			{"name": "ledger", "timeout_ms": 5000},
		],
	}
}

test_retries_past_deadline_fail if {
	findings := rule.deny with input as {
		"apis": [{"name": "orders", "timeout_ms": 2000}],
		"dependencies": [
			{"name": "payments", "timeout_ms": 500, "retries": {"max_attempts": 3}},
			{"name": "ledger", "timeout_ms": 900, "retries": {"max_attempts": 4}},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].retries.max_attempts"
	contains(f.msg, "3600 ms")
}

test_no_retries_not_applicable if {
	not rule.applicable with input as {
		"apis": [{"name": "orders", "timeout_ms": 2000}],
		"dependencies": [{"name": "payments", "timeout_ms": 500, "retries": {"max_attempts": 1}}],
	}
}

test_no_api_deadline_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "payments", "timeout_ms": 500, "retries": {"max_attempts": 3}}]}
}

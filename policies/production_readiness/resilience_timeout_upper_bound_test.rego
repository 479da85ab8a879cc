package archvet.rules.production_readiness.resilience_timeout_upper_bound_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_timeout_upper_bound as rule

test_short_timeouts_pass if {
	count(rule.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "timeout_ms": 2500},
		{"name": "ledger", "timeout_ms": 30000},
		{"name": "export", "interaction": "async", "timeout_ms": 600000},
	]}
}

test_long_timeout_fails if {
	findings := rule.deny with input as {"dependencies": [
		{"name": "payments", "timeout_ms": 2500},
		{"name": "reports", "timeout_ms": 120000},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].timeout_ms"
	contains(f.msg, "reports")
}

test_no_timeouts_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "payments"}]}
}

test_cover_applicable if {
	rule.applicable with input as {"dependencies": [{"name": "payments", "timeout_ms": 500}]}
}

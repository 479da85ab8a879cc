package archvet.rules.production_readiness.resilience_dependency_timeouts_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_dependency_timeouts as rule

test_timeouts_set_pass if {
	count(rule.deny) == 0 with input as {"dependencies": [
		{"name": "payments", "interaction": "sync", "timeout_ms": 800},
		{"name": "ledger", "timeout_ms": 300},
		{"name": "audit", "interaction": "async"},
	]}
}

test_missing_timeout_fails if {
	findings := rule.unanswered with input as {"dependencies": [
		{"name": "payments", "timeout_ms": 800},
		{"name": "ledger"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].timeout_ms"
	contains(f.msg, "ledger")
}

test_zero_timeout_fails if {
	some f in rule.deny with input as {"dependencies": [{"name": "payments", "timeout_ms": 0}]}
	f.path == "dependencies[0].timeout_ms"
	contains(f.msg, "waiting forever")
}

test_async_only_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "audit", "interaction": "async"}]}
}

test_no_dependencies_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

test_cover_applicable if {
	rule.applicable with input as {"dependencies": [{"name": "payments", "interaction": "sync"}]}
}

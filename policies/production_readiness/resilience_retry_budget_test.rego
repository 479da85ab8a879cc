package archvet.rules.production_readiness.resilience_retry_budget_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_retry_budget as rule

test_small_or_budgeted_retries_pass if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "orders", "owner": "team", "tier": 0},
		"dependencies": [
			{"name": "payments", "call_depth": 3, "retries": {"max_attempts": 3, "budget_percent": 10}},
			{"name": "ledger", "call_depth": 1, "retries": {"max_attempts": 5}},
			{"name": "search", "retries": {"max_attempts": 8, "budget_percent": 5}},
		],
	}
}

test_many_attempts_without_budget_fail if {
	findings := rule.unanswered with input as {
		"service": {"name": "orders", "owner": "team", "tier": 2},
		"dependencies": [
			{"name": "payments", "retries": {"max_attempts": 3}},
			{"name": "ledger", "retries": {"max_attempts": 10}},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].retries.max_attempts"
	contains(f.msg, "10 attempts")
}

test_generous_budget_fails if {
	some f in rule.deny with input as {"dependencies": [{"name": "ledger", "retries": {"max_attempts": 3, "budget_percent": 50}}]}
	f.path == "dependencies[0].retries.budget_percent"
	contains(f.msg, "50%")
}

test_deep_chain_without_budget_fails_for_critical if {
	findings := rule.unanswered with input as {
		"service": {"name": "orders", "owner": "team", "tier": 1},
		"dependencies": [{"name": "payments", "call_depth": 3, "retries": {"max_attempts": 3}}],
	}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[0].retries.budget_percent"
	contains(f.msg, "3 synchronous hops")
}

test_deep_chain_without_budget_passes_for_tier_2 if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "orders", "owner": "team", "tier": 2},
		"dependencies": [{"name": "payments", "call_depth": 3, "retries": {"max_attempts": 3}}],
	}
}

test_no_retries_not_applicable if {
	not rule.applicable with input as {"dependencies": [{"name": "payments", "retries": {"max_attempts": 1}}]}
}

test_cover_applicable if {
	rule.applicable with input as {"dependencies": [{"name": "payments", "retries": {"max_attempts": 3}}]}
}

test_max_attempts_deleted_is_unanswered if {
	inp := {"service": {"tier": 3}, "dependencies": [{"name": "a", "retries": {"backoff": "exponential"}}]}
	{f.path | some f in rule.unanswered} == {"dependencies[0].retries.max_attempts"} with input as inp
}

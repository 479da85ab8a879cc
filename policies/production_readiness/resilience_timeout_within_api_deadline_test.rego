package archvet.rules.production_readiness.resilience_timeout_within_api_deadline_test

import rego.v1

import data.archvet.rules.production_readiness.resilience_timeout_within_api_deadline as rule

test_timeouts_below_deadline_pass if {
	count(rule.deny) == 0 with input as {
		"apis": [{"name": "orders", "timeout_ms": 2000}, {"name": "admin", "timeout_ms": 5000}],
		"dependencies": [{"name": "payments", "timeout_ms": 800}, {"name": "ledger", "timeout_ms": 1999}],
	}
}

test_timeout_above_shortest_deadline_fails if {
	findings := rule.deny with input as {
		"apis": [{"name": "orders", "timeout_ms": 1000}, {"name": "admin", "timeout_ms": 5000}],
		"dependencies": [
			{"name": "payments", "timeout_ms": 800},
			{"name": "ledger", "timeout_ms": 1000},
			{"name": "reports", "interaction": "async", "timeout_ms": 9000},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "dependencies[1].timeout_ms"
	contains(f.msg, "1000 ms")
}

test_no_api_deadline_not_applicable if {
	not rule.applicable with input as {
		"apis": [{"name": "orders"}, {"name": "admin", "timeout_ms": 0}],
		"dependencies": [{"name": "payments", "timeout_ms": 800}],
	}
}

test_no_dependency_timeout_not_applicable if {
	not rule.applicable with input as {
		"apis": [{"name": "orders", "timeout_ms": 1000}],
		"dependencies": [{"name": "payments"}],
	}
}

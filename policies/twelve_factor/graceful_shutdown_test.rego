package archvet.rules.twelve_factor.graceful_shutdown_test

import rego.v1

import data.archvet.rules.twelve_factor.graceful_shutdown as rule

test_bounded_graceful_shutdown_passes if {
	count(rule.deny) == 0 with input as {
		"apis": [{"name": "orders", "timeout_ms": 5000}],
		"processes": {"shutdown": {"graceful": true, "drain_seconds": 30}},
	}
}

test_abrupt_exit_fails if {
	findings := rule.deny with input as {"processes": {"shutdown": {"graceful": false, "drain_seconds": 10}}}
	count(findings) == 1
	some f in findings
	f.path == "processes.shutdown.graceful"
}

test_missing_shutdown_fails_twice if {
	findings := rule.unanswered with input as {"processes": {}}
	{f.path | some f in findings} == {"processes.shutdown.graceful", "processes.shutdown.drain_seconds"}
}

test_unbounded_drain_fails if {
	findings := rule.deny with input as {"processes": {"shutdown": {"graceful": true, "drain_seconds": 600}}}
	count(findings) == 1
	some f in findings
	f.path == "processes.shutdown.drain_seconds"
	contains(f.msg, "600s")
}

test_drain_shorter_than_api_deadline_fails if {
	findings := rule.deny with input as {
		"apis": [
			{"name": "orders", "timeout_ms": 2000},
			{"name": "reports", "timeout_ms": 45000},
		],
		"processes": {"shutdown": {"graceful": true, "drain_seconds": 30}},
	}
	count(findings) == 1
	some f in findings
	f.path == "processes.shutdown.drain_seconds"
	contains(f.msg, "\"reports\"")
}

test_drain_limit_boundary if {
	count(rule.deny) == 0 with input as {"processes": {"shutdown": {"graceful": true, "drain_seconds": 120}}}
	{f.path | some f in rule.deny} == {"processes.shutdown.drain_seconds"} with input as {"processes": {"shutdown": {"graceful": true, "drain_seconds": 121}}}
}

test_drain_override if {
	count(rule.deny) == 1 with input as {"processes": {"shutdown": {"graceful": true, "drain_seconds": 60}}}
		with data.archvet.params as {"TF020": {"max_drain_seconds": [30, 30, 30, 30]}}
}

test_drain_equal_to_deadline_passes if {
	count(rule.deny) == 0 with input as {"apis": [{"name": "a", "timeout_ms": 30000}], "processes": {"shutdown": {"graceful": true, "drain_seconds": 30}}}
	count(rule.deny) == 1 with input as {"apis": [{"name": "a", "timeout_ms": 30001}], "processes": {"shutdown": {"graceful": true, "drain_seconds": 30}}}
}

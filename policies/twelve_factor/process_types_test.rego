package archvet.rules.twelve_factor.process_types_test

import rego.v1

import data.archvet.rules.twelve_factor.process_types as rule

test_web_and_worker_pass if {
	count(rule.deny) == 0 with input as {
		"apis": [{"name": "orders"}],
		"events": {"consumes": [{"name": "payment-captured"}]},
		"processes": {"process_types": ["web", "worker"]},
	}
}

test_single_type_without_events_passes if {
	count(rule.deny) == 0 with input as {
		"apis": [{"name": "orders"}],
		"processes": {"process_types": ["web"]},
	}
}

test_missing_types_fail if {
	findings := rule.unanswered with input as {"processes": {}}
	count(findings) == 1
	some f in findings
	f.path == "processes.process_types"
}

test_mixed_single_type_fails if {
	findings := rule.deny with input as {
		"apis": [{"name": "orders"}],
		"events": {"consumes": [{"name": "payment-captured"}]},
		"processes": {"process_types": ["app"]},
	}
	count(findings) == 1
	some f in findings
	f.path == "processes.process_types"
	contains(f.msg, "\"app\"")
}

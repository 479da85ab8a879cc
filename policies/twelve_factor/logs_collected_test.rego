package archvet.rules.twelve_factor.logs_collected_test

import rego.v1

import data.archvet.rules.twelve_factor.logs_collected as rule

test_collected_passes if {
	count(rule.deny) == 0 with input as {"observability": {"logging": {"destination": "stdout", "centralized": true}}}
}

test_uncollected_stream_fails if {
	findings := rule.deny with input as {"observability": {"logging": {"destination": "stdout", "centralized": false}}}
	count(findings) == 1
	some f in findings
	f.path == "observability.logging.centralized"
	contains(f.msg, "written to stdout")
}

test_missing_fails if {
	some f in rule.unanswered with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
	f.path == "observability.logging.centralized"
	contains(f.msg, "does not say")
}

package archvet.rules.twelve_factor.logs_to_stdout_test

import rego.v1

import data.archvet.rules.twelve_factor.logs_to_stdout as rule

test_stdout_passes if {
	count(rule.deny) == 0 with input as {"observability": {"logging": {"destination": "stdout"}}}
}

test_file_fails if {
	findings := rule.deny with input as {"observability": {"logging": {"destination": "file"}}}
	count(findings) == 1
	some f in findings
	f.path == "observability.logging.destination"
	contains(f.msg, "local files")
}

test_vendor_agent_fails if {
	some f in rule.deny with input as {"observability": {"logging": {"destination": "vendor-agent"}}}
	f.path == "observability.logging.destination"
}

test_missing_destination_fails if {
	some f in rule.unanswered with input as {"observability": {}}
	f.path == "observability.logging.destination"
	contains(f.msg, "does not say")
}

package archvet.rules.twelve_factor.structured_logs_test

import rego.v1

import data.archvet.rules.twelve_factor.structured_logs as rule

test_json_passes if {
	count(rule.deny) == 0 with input as {"observability": {"logging": {"format": "json"}}}
}

test_logfmt_passes if {
	count(rule.deny) == 0 with input as {"observability": {"logging": {"format": "logfmt"}}}
}

test_text_fails if {
	findings := rule.deny with input as {"observability": {"logging": {"format": "text"}}}
	count(findings) == 1
	some f in findings
	f.path == "observability.logging.format"
}

test_missing_format_fails if {
	some f in rule.unanswered with input as {"observability": {"logging": {"destination": "stdout"}}}
	f.path == "observability.logging.format"
	contains(f.msg, "does not say")
}

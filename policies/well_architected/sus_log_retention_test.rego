package archvet.rules.well_architected.sus_log_retention_test

import rego.v1

import data.archvet.rules.well_architected.sus_log_retention

test_bounded_retention_passes if {
	count(sus_log_retention.deny) == 0 with input as {"observability": {"logging": {"retention_days": 400}}}
}

test_long_retention_fails if {
	findings := sus_log_retention.deny with input as {"observability": {"logging": {"retention_days": 3650}}}
	count(findings) == 1
	some f in findings
	f.path == "observability.logging.retention_days"
}

test_unstated_fails if {
	some f in sus_log_retention.unanswered with input as {"observability": {"logging": {"format": "json"}}}
	f.path == "observability.logging.retention_days"
}

test_retention_boundary if {
	count(sus_log_retention.deny) == 0 with input as {"observability": {"logging": {"retention_days": 400}}}
	{f.path | some f in sus_log_retention.deny} == {"observability.logging.retention_days"} with input as {"observability": {"logging": {"retention_days": 401}}}
}

test_retention_override if {
	count(sus_log_retention.deny) == 1 with input as {"observability": {"logging": {"retention_days": 100}}}
		with data.archvet.params as {"WA376": {"max_log_retention_days": [90, 90, 90, 90]}}
}

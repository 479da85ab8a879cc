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

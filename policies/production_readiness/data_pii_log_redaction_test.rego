package archvet.rules.production_readiness.data_pii_log_redaction_test

import rego.v1

import data.archvet.rules.production_readiness.data_pii_log_redaction

test_redaction_passes if {
	count(data_pii_log_redaction.deny) == 0 with input as {
		"data": {"pii": true},
		"observability": {"logging": {"pii_redaction": true}},
	}
}

test_no_redaction_fails if {
	findings := data_pii_log_redaction.deny with input as {
		"data": {"pii": true},
		"observability": {"logging": {"pii_redaction": false}},
	}
	count(findings) == 1
	some f in findings
	f.path == "observability.logging.pii_redaction"
}

test_unstated_fails if {
	some f in data_pii_log_redaction.unanswered with input as {"data_stores": [{"name": "u", "contains_pii": true}]}
	f.path == "observability.logging.pii_redaction"
}

test_no_pii_not_applicable if {
	not data_pii_log_redaction.applicable with input as {"data": {"pii": false}}
}

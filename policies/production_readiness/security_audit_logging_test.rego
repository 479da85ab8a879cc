package archvet.rules.production_readiness.security_audit_logging_test

import rego.v1

import data.archvet.rules.production_readiness.security_audit_logging

test_audit_log_passes if {
	count(security_audit_logging.deny) == 0 with input as {
		"data": {"pii": true},
		"security": {"audit_logging": true},
	}
}

test_no_audit_log_fails if {
	findings := security_audit_logging.deny with input as {
		"data": {"classification": "restricted"},
		"security": {"audit_logging": false},
	}
	count(findings) == 1
	some f in findings
	f.path == "security.audit_logging"
}

test_unstated_fails_for_pii_store if {
	some f in security_audit_logging.unanswered with input as {"data_stores": [{"name": "users", "contains_pii": true}]}
	f.path == "security.audit_logging"
}

test_internal_data_not_applicable if {
	not security_audit_logging.applicable with input as {
		"data": {"pii": false, "classification": "internal"},
		"data_stores": [{"name": "catalog", "classification": "public"}],
	}
}

test_cover_applicable if {
	security_audit_logging.applicable with input as {"data_stores": [{"name": "ledger", "classification": "confidential"}]}
}

test_override_of_the_sensitive_classes if {
	inp := {"data": {"classification": "internal"}, "security": {"audit_logging": false}}
	not security_audit_logging.applicable with input as inp
	count(security_audit_logging.deny) == 1 with input as inp
		with data.archvet.params as {"PR501": {"sensitive_classes": [["internal"], ["internal"], ["internal"], ["internal"]]}}
}

package archvet.rules.production_readiness.obs_log_pii_redaction_test

import rego.v1

import data.archvet.rules.production_readiness.obs_log_pii_redaction as rule

test_redaction_passes if {
	count(rule.deny) == 0 with input as {
		"data": {"pii": true},
		"observability": {"logging": {"pii_redaction": true}},
	}
}

test_no_redaction_fails if {
	findings := rule.deny with input as {
		"data": {"pii": true},
		"observability": {"logging": {"pii_redaction": false}},
	}
	count(findings) == 1
	some f in findings
	f.path == "observability.logging.pii_redaction"
}

test_unstated_redaction_fails if {
	some f in rule.deny with input as {"data_stores": [{"name": "users", "contains_pii": true}]}
	f.path == "observability.logging.pii_redaction"
	contains(f.msg, "does not say")
}

test_pii_store_makes_applicable if {
	rule.applicable with input as {"data_stores": [{"name": "users", "contains_pii": true}]}
}

test_no_pii_not_applicable if {
	not rule.applicable with input as {
		"data": {"pii": false},
		"data_stores": [{"name": "catalog", "contains_pii": false}],
	}
}

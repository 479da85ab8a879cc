package archvet.rules.well_architected.sec_encryption_at_rest_sensitive_test

import rego.v1

import data.archvet.rules.well_architected.sec_encryption_at_rest_sensitive

test_encrypted_pii_store_passes if {
	count(sec_encryption_at_rest_sensitive.deny) == 0 with input as {"data_stores": [{"name": "users", "contains_pii": true, "encryption_at_rest": true}]}
}

test_unencrypted_pii_store_fails if {
	case_input := {"data_stores": [
		{"name": "catalog", "contains_pii": false, "encryption_at_rest": false},
		{"name": "users", "contains_pii": true, "encryption_at_rest": false},
	]}
	sec_encryption_at_rest_sensitive.applicable with input as case_input
	findings := sec_encryption_at_rest_sensitive.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].encryption_at_rest"
	contains(f.msg, "users")
}

test_restricted_cache_counts if {
	some f in sec_encryption_at_rest_sensitive.unanswered with input as {"data_stores": [{"name": "sessions", "kind": "cache", "classification": "restricted"}]}
	f.path == "data_stores[0].encryption_at_rest"
}

test_undeclared_store_of_pii_service_counts if {
	some f in sec_encryption_at_rest_sensitive.deny with input as {
		"data": {"pii": true},
		"data_stores": [{"name": "orders", "encryption_at_rest": false}],
	}
	f.path == "data_stores[0].encryption_at_rest"
}

test_no_sensitive_store_not_applicable if {
	not sec_encryption_at_rest_sensitive.applicable with input as {"data_stores": [{"name": "catalog", "contains_pii": false, "classification": "internal"}]}
}

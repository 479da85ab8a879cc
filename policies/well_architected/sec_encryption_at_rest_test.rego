package archvet.rules.well_architected.sec_encryption_at_rest_test

import rego.v1

import data.archvet.rules.well_architected.sec_encryption_at_rest

test_encrypted_store_passes if {
	count(sec_encryption_at_rest.deny) == 0 with input as {"data_stores": [{"name": "orders", "encryption_at_rest": true}]}
}

test_unencrypted_store_fails if {
	case_input := {"data_stores": [
		{"name": "sessions", "kind": "cache"},
		{"name": "orders", "kind": "relational", "encryption_at_rest": false},
	]}
	sec_encryption_at_rest.applicable with input as case_input
	findings := sec_encryption_at_rest.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].encryption_at_rest"
}

test_unstated_fails if {
	some f in sec_encryption_at_rest.unanswered with input as {"data_stores": [{"name": "events", "kind": "stream"}]}
	f.path == "data_stores[0].encryption_at_rest"
}

test_public_store_not_applicable if {
	not sec_encryption_at_rest.applicable with input as {"data_stores": [{"name": "assets", "kind": "object", "classification": "public"}]}
}

test_pii_store_left_to_wa315 if {
	not sec_encryption_at_rest.applicable with input as {"data_stores": [{"name": "users", "contains_pii": true}]}
}

package archvet.rules.production_readiness.data_erasure_test

import rego.v1

import data.archvet.rules.production_readiness.data_erasure

test_erasure_supported_passes if {
	count(data_erasure.deny) == 0 with input as {"data": {"pii": true, "deletion_supported": true}}
}

test_no_erasure_fails if {
	findings := data_erasure.deny with input as {"data": {"pii": true, "deletion_supported": false}}
	count(findings) == 1
	some f in findings
	f.path == "data.deletion_supported"
}

test_pii_store_without_declaration_fails if {
	some f in data_erasure.unanswered with input as {"data_stores": [{"name": "users", "contains_pii": true}]}
	f.path == "data.deletion_supported"
}

test_no_pii_not_applicable if {
	not data_erasure.applicable with input as {"data": {"pii": false}}
}

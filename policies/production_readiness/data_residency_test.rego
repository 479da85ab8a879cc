package archvet.rules.production_readiness.data_residency_test

import rego.v1

import data.archvet.rules.production_readiness.data_residency

test_residency_declared_passes if {
	count(data_residency.deny) == 0 with input as {"data": {"pii": true, "residency": ["eu"]}}
}

test_residency_missing_fails if {
	findings := data_residency.deny with input as {"data": {"pii": true, "residency": []}}
	count(findings) == 1
	some f in findings
	f.path == "data.residency"
}

test_pii_store_counts if {
	some f in data_residency.deny with input as {"data_stores": [{"name": "users", "contains_pii": true}]}
	f.path == "data.residency"
}

test_no_pii_not_applicable if {
	not data_residency.applicable with input as {"data": {"pii": false}}
}

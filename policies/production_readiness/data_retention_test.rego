package archvet.rules.production_readiness.data_retention_test

import rego.v1

import data.archvet.rules.production_readiness.data_retention

test_retention_defined_passes if {
	count(data_retention.deny) == 0 with input as {
		"data": {"retention_days": 365},
		"data_stores": [{"name": "users", "contains_pii": true, "retention_days": 365}, {"name": "catalog"}],
	}
}

test_pii_store_without_retention_fails if {
	findings := data_retention.deny with input as {
		"data": {"retention_days": 365},
		"data_stores": [{"name": "catalog"}, {"name": "users", "contains_pii": true}],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].retention_days"
}

test_service_retention_missing_fails if {
	some f in data_retention.unanswered with input as {"data": {"pii": false}}
	f.path == "data.retention_days"
}

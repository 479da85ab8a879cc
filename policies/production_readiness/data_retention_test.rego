package archvet.rules.production_readiness.data_retention_test

import rego.v1

import data.archvet.rules.production_readiness.data_retention as rule

test_retention_defined_passes if {
	count(rule.deny) == 0 with input as {
		"data": {"retention_days": 365},
		"data_stores": [{"name": "users", "contains_pii": true, "retention_days": 365}, {"name": "catalog"}],
	}
}

test_pii_store_without_retention_fails if {
	findings := rule.unanswered with input as {
		"data": {"retention_days": 365},
		"data_stores": [{"name": "catalog"}, {"name": "users", "contains_pii": true}],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].retention_days"
}

test_service_retention_missing_fails if {
	some f in rule.unanswered with input as {"data": {"pii": false}}
	f.path == "data.retention_days"
}

test_retention_nothing_enforces_fails if {
	store := {"name": "users", "contains_pii": true, "retention_days": 30, "lifecycle_policy": false}
	findings := rule.deny with input as {"data": {"retention_days": 30}, "data_stores": [store]}
	{f.path | some f in findings} == {"data_stores[0].lifecycle_policy"}
}

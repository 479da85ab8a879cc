package archvet.rules.production_readiness.data_pii_inventory_test

import rego.v1

import data.archvet.rules.production_readiness.data_pii_inventory

test_complete_inventory_passes if {
	count(data_pii_inventory.deny) == 0 with input as {
		"data": {"pii": true, "pii_fields": ["email"]},
		"data_stores": [{"name": "users", "contains_pii": true}],
	}
}

test_no_pii_passes if {
	count(data_pii_inventory.deny) == 0 with input as {"data": {"pii": false}}
}

test_fields_missing_fails if {
	findings := data_pii_inventory.deny with input as {"data": {"pii": true}}
	count(findings) == 1
	some f in findings
	f.path == "data.pii_fields"
}

test_store_contradicts_service_fails if {
	findings := data_pii_inventory.deny with input as {
		"data": {"pii": false},
		"data_stores": [{"name": "users", "contains_pii": true}],
	}
	count(findings) == 1
	some f in findings
	f.path == "data.pii"
	contains(f.msg, "users")
}

test_store_flag_missing_fails if {
	findings := data_pii_inventory.deny with input as {
		"data": {"pii": true, "pii_fields": ["email"]},
		"data_stores": [{"name": "users", "contains_pii": true}, {"name": "events"}],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].contains_pii"
}

test_unstated_fails if {
	some f in data_pii_inventory.unanswered with input as {}
	f.path == "data.pii"
}

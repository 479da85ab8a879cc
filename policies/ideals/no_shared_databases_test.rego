package archvet.rules.ideals.no_shared_databases_test

import rego.v1

import data.archvet.rules.ideals.no_shared_databases

test_exclusive_passes if {
	count(no_shared_databases.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "ownership": "exclusive"},
		{"name": "events", "kind": "queue", "ownership": "shared", "shared_with": ["billing"]},
		{"name": "cache", "kind": "cache"},
	]}
}

test_shared_fails if {
	case_input := {"data_stores": [
		{"name": "orders-db", "ownership": "exclusive"},
		{"name": "legacy-db", "ownership": "shared", "shared_with": ["billing"]},
	]}
	no_shared_databases.applicable with input as case_input
	findings := no_shared_databases.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].ownership"
}

test_shared_with_fails if {
	findings := no_shared_databases.deny with input as {"data_stores": [{"name": "orders-db", "shared_with": ["billing", "reports"]}]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[0].shared_with"
}

test_unstated_ownership_fails if {
	some f in no_shared_databases.unanswered with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
	f.path == "data_stores[0].ownership"
	contains(f.msg, "does not say")
}

test_only_streams_not_applicable if {
	not no_shared_databases.applicable with input as {"data_stores": [{"name": "events", "kind": "stream"}]}
}

package archvet.rules.well_architected.sus_data_lifecycle_test

import rego.v1

import data.archvet.rules.well_architected.sus_data_lifecycle

test_lifecycle_passes if {
	count(sus_data_lifecycle.deny) == 0 with input as {"data_stores": [{"name": "logs", "kind": "object", "lifecycle_policy": true}]}
}

test_unenforced_retention_fails if {
	case_input := {"data_stores": [
		{"name": "jobs", "kind": "queue"},
		{"name": "events", "kind": "stream", "retention_days": 30, "lifecycle_policy": false},
	]}
	sus_data_lifecycle.applicable with input as case_input
	findings := sus_data_lifecycle.deny with input as case_input
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].lifecycle_policy"
	contains(f.msg, "30-day")
}

test_no_policy_fails if {
	some f in sus_data_lifecycle.deny with input as {"data_stores": [{"name": "db", "lifecycle_policy": false}]}
	f.path == "data_stores[0].lifecycle_policy"
}

test_unstated_fails if {
	findings := sus_data_lifecycle.unanswered with input as {"data_stores": [{"name": "db"}]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[0].lifecycle_policy"
}

test_caches_and_queues_not_applicable if {
	not sus_data_lifecycle.applicable with input as {"data_stores": [
		{"name": "c", "kind": "cache"},
		{"name": "q", "kind": "queue"},
	]}
}

package archvet.rules.production_readiness.data_classification_test

import rego.v1

import data.archvet.rules.production_readiness.data_classification

test_classified_passes if {
	count(data_classification.deny) == 0 with input as {
		"data": {"classification": "restricted"},
		"data_stores": [{"name": "a", "classification": "restricted"}, {"name": "b", "classification": "internal"}],
	}
}

test_unclassified_store_fails if {
	findings := data_classification.deny with input as {
		"data": {"classification": "internal"},
		"data_stores": [{"name": "a", "classification": "internal"}, {"name": "b"}],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].classification"
}

test_store_above_service_fails if {
	findings := data_classification.deny with input as {
		"data": {"classification": "internal"},
		"data_stores": [{"name": "users", "classification": "restricted"}],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[0].classification"
	contains(f.msg, "restricted")
}

test_unclassified_service_fails if {
	some f in data_classification.unanswered with input as {}
	f.path == "data.classification"
}

package archvet.rules.production_readiness.data_id_generation_test

import rego.v1

import data.archvet.rules.production_readiness.data_id_generation as rule

test_uuid_passes if {
	count(rule.deny) == 0 with input as {
		"processes": {"id_generation": "uuid"},
		"data_stores": [{"name": "orders-db", "partitioning": "hash"}],
		"deployment": {"cells": 4},
	}
}

test_single_primary_sequence_passes if {
	count(rule.deny) == 0 with input as {
		"processes": {"id_generation": "database-sequence"},
		"data_stores": [{"name": "orders-db", "kind": "relational"}],
	}
}

test_single_counter_fails if {
	some f in rule.deny with input as {"processes": {"id_generation": "single-counter"}}
	f.path == "processes.id_generation"
	contains(f.msg, "single counter")
}

test_sequence_across_shards_fails if {
	findings := rule.deny with input as {
		"processes": {"id_generation": "database-sequence"},
		"data_stores": [{"name": "orders-db", "kind": "relational", "partitioning": "hash"}],
	}
	count(findings) == 1
	some f in findings
	f.path == "processes.id_generation"
	contains(f.msg, "orders-db")
}

test_sequence_active_active_fails if {
	some f in rule.deny with input as {
		"processes": {"id_generation": "database-sequence"},
		"disaster_recovery": {"strategy": "active-active"},
	}
	contains(f.msg, "active-active")
}

test_unstated_scheme_fails if {
	some f in rule.unanswered with input as {"data_stores": [{"name": "orders-db"}]}
	f.path == "processes.id_generation"
}

test_stateless_service_not_applicable if {
	not rule.applicable with input as {"data_stores": [{"name": "sessions", "kind": "cache"}]}
}

test_cover_applicable_with_store if {
	rule.applicable with input as {"data_stores": [{"name": "orders-db", "kind": "relational"}]}
}

test_cover_applicable_with_scheme_only if {
	rule.applicable with input as {"processes": {"id_generation": "uuid"}}
}

package archvet.rules.well_architected.performance_data_store_decided_test

import rego.v1

import data.archvet.rules.well_architected.performance_data_store_decided as rule

test_decided_store_passes if {
	count(rule.deny) == 0 with input as {
		"data_stores": [
			{"name": "orders-db", "kind": "relational", "engine": "PostgreSQL"},
			{"name": "sessions", "kind": "cache"},
		],
		"decisions": [{"id": "ADR-1", "title": "Orders in PostgreSQL", "topic": "data-store", "status": "accepted"}],
	}
}

test_missing_engine_fails if {
	findings := rule.unanswered with input as {
		"data_stores": [
			{"name": "orders-db", "kind": "relational", "engine": "PostgreSQL"},
			{"name": "ledger", "kind": "relational"},
		],
		"decisions": [{"id": "ADR-1", "title": "Stores", "topic": "data-store", "status": "accepted"}],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].engine"
	contains(f.msg, "ledger")
}

test_missing_kind_fails if {
	some f in rule.unanswered with input as {
		"service": {"name": "x", "owner": "t", "tier": 2},
		"data_stores": [{"name": "ledger", "engine": "PostgreSQL"}],
	}
	f.path == "data_stores[0].kind"
}

test_proposed_decision_is_not_enough_for_critical if {
	findings := rule.deny with input as {
		"data_stores": [{"name": "orders-db", "kind": "relational", "engine": "PostgreSQL"}],
		"decisions": [{"id": "ADR-1", "title": "Store", "topic": "data-store", "status": "proposed"}],
	}
	count(findings) == 1
	some f in findings
	f.path == "decisions"
	contains(f.msg, "orders-db")
}

test_tier_2_needs_no_decision_record if {
	count(rule.deny) == 0 with input as {
		"service": {"name": "x", "owner": "t", "tier": 2},
		"data_stores": [{"name": "orders-db", "kind": "relational", "engine": "PostgreSQL"}],
	}
}

test_no_store_not_applicable if {
	not rule.applicable with input as {"data_stores": []}
}

test_cache_names_kind_and_engine if {
	inp := {"service": {"tier": 2}, "data_stores": [{"name": "sessions", "role": "cache"}]}
	rule.applicable with input as inp
	{f.path | some f in rule.unanswered} == {"data_stores[0].kind", "data_stores[0].engine"} with input as inp
}

test_cache_alone_needs_no_decision if {
	count(rule.deny) == 0 with input as {"service": {"tier": 0}, "data_stores": [{"name": "sessions", "kind": "cache", "engine": "Redis"}]}
}

package archvet.rules.production_readiness.dr_zero_rpo_replication_test

import rego.v1

import data.archvet.rules.production_readiness.dr_zero_rpo_replication as rule

test_sync_replication_passes if {
	count(rule.deny) == 0 with input as {
		"disaster_recovery": {"rpo_minutes": 0},
		"data_stores": [
			{"name": "ledger", "replication": {"mode": "sync"}},
			{"name": "sessions", "kind": "cache", "replication": {"mode": "none"}},
		],
	}
}

test_async_replication_fails if {
	findings := rule.deny with input as {
		"disaster_recovery": {"rpo_minutes": 0},
		"data_stores": [
			{"name": "ledger", "replication": {"mode": "sync"}},
			{"name": "orders-db", "replication": {"mode": "async"}},
		],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].replication.mode"
	contains(f.msg, "asynchronously")
}

test_unstated_replication_fails if {
	some f in rule.unanswered with input as {
		"disaster_recovery": {"rpo_minutes": 0},
		"data_stores": [{"name": "ledger"}],
	}
	f.path == "data_stores[0].replication.mode"
}

test_nonzero_rpo_not_applicable if {
	not rule.applicable with input as {
		"disaster_recovery": {"rpo_minutes": 5},
		"data_stores": [{"name": "ledger", "replication": {"mode": "async"}}],
	}
}

test_cover_applicable if {
	rule.applicable with input as {"disaster_recovery": {"rpo_minutes": 0}, "data_stores": [{"name": "ledger", "kind": "relational"}]}
}

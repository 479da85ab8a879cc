package archvet.rules.production_readiness.capacity_plan_test

import rego.v1

import data.archvet.rules.production_readiness.capacity_plan as rule

test_plan_and_sizes_pass if {
	count(rule.deny) == 0 with input as {
		"capacity": {"plan": "docs/capacity.md"},
		"data_stores": [
			{"name": "orders-db", "size_gb": 400},
			{"name": "jobs", "kind": "queue"},
			{"name": "sessions", "kind": "cache"},
		],
	}
}

test_missing_plan_fails if {
	findings := rule.unanswered with input as {"capacity": {"peak_rps": 100}, "data_stores": []}
	count(findings) == 1
	some f in findings
	f.path == "capacity.plan"
}

test_unsized_store_fails if {
	findings := rule.unanswered with input as {
		"capacity": {"plan": "docs/capacity.md"},
		"data_stores": [{"name": "orders-db", "size_gb": 400}, {"name": "ledger"}],
	}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].size_gb"
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 3}}
}

test_cover_applicable if {
	rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

test_cover_empty_plan_denied if {
	{f.path | some f in rule.deny} == {"capacity.plan"} with input as {"service": {"name": "x", "owner": "t", "tier": 0}, "capacity": {"plan": ""}}
}

test_data_stores_deleted_is_unanswered if {
	inp := {"service": {"tier": 1}, "capacity": {"plan": "docs/capacity.md"}}
	{f.path | some f in rule.unanswered} == {"data_stores"} with input as inp
}

package archvet.rules.production_readiness.capacity_storage_growth_test

import rego.v1

import data.archvet.rules.production_readiness.capacity_storage_growth as rule

design(tier, size, storage) := {
	"service": {"name": "x", "owner": "t", "tier": tier},
	"data_stores": [{"name": "db", "size_gb": size, "capacity_gb": storage}],
}

test_applicability if {
	rule.applicable with input as design(2, 1, 10)
	not rule.applicable with input as design(3, 1, 10)
}

test_fill_at_each_tier if {
	every tier, limit in [50, 70, 80] {
		count(rule.deny) == 0 with input as design(tier, limit, 100)
		{f.path | some f in rule.deny} == {"data_stores[0].capacity_gb"} with input as design(tier, limit + 1, 100)
	}
}

test_unstated_storage_is_an_open_question if {
	{f.path | some f in rule.unanswered} == {"data_stores[0].capacity_gb"} with input as {"data_stores": [{"name": "db", "size_gb": 10}]}
}

test_override_of_the_fill if {
	count(rule.deny) == 0 with input as design(0, 90, 100)
		with data.archvet.params as {"PR333": {"max_fill_percent": [90, 90, 90, 90]}}
}

test_size_deleted_is_unanswered if {
	inp := {"service": {"tier": 1}, "data_stores": [{"name": "orders", "kind": "postgres", "capacity_gb": 100}]}
	{f.path | some f in rule.unanswered} == {"data_stores[0].size_gb"} with input as inp
	count(rule.deny) == 0 with input as inp
}

package archvet.rules.production_readiness.data_rollback_plan_test

import rego.v1

import data.archvet.rules.production_readiness.data_rollback_plan as rule

test_rollback_plans_pass if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational", "migrations": {"rollback_plan": true}},
		{"name": "files", "kind": "object"},
	]}
}

test_irreversible_change_fails if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "kind": "relational", "migrations": {"rollback_plan": true}},
		{"name": "profiles", "kind": "document", "migrations": {"rollback_plan": false}},
	]}
	count(findings) == 1
	some f in findings
	f.path == "data_stores[1].migrations.rollback_plan"
	contains(f.msg, "profiles")
}

test_unstated_rollback_fails if {
	some f in rule.unanswered with input as {"data_stores": [{"name": "ledger", "kind": "key-value"}]}
	f.path == "data_stores[0].migrations.rollback_plan"
}

test_tier_3_not_applicable if {
	not rule.applicable with input as {
		"service": {"name": "x", "owner": "t", "tier": 3},
		"data_stores": [{"name": "ledger", "kind": "relational"}],
	}
}

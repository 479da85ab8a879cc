package archvet.rules.acme.approved_engines_test

import rego.v1

import data.archvet.rules.acme.approved_engines as rule

test_approved_engines_pass if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "orders-db", "engine": "PostgreSQL"},
		{"name": "sessions", "engine": "redis"},
	]}
}

test_unapproved_or_unnamed_engine_fails if {
	findings := rule.deny with input as {"data_stores": [
		{"name": "orders-db", "engine": "PostgreSQL"},
		{"name": "legacy", "engine": "MySQL"},
		{"name": "blobs"},
	]}
	{f.path | some f in findings} == {"data_stores[1].engine", "data_stores[2].engine"}
}

test_no_stores_not_applicable if {
	not rule.applicable with input as {"service": {"name": "s", "owner": "t", "tier": 2}}
}

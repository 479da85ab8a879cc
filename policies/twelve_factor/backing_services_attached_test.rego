package archvet.rules.twelve_factor.backing_services_attached_test

import rego.v1

import data.archvet.rules.twelve_factor.backing_services_attached as rule

test_attached_stores_pass if {
	count(rule.deny) == 0 with input as {"data_stores": [
		{"name": "db", "attached_by": "url-in-config"},
		{"name": "cache", "attached_by": "service-discovery"},
	]}
}

test_each_store_checked_on_its_own if {
	inp := {"data_stores": [
		{"name": "db", "attached_by": "url-in-config"},
		{"name": "cache", "attached_by": "hardcoded"},
		{"name": "queue"},
	]}
	{f.path | some f in rule.deny} == {"data_stores[1].attached_by"} with input as inp
	{f.path | some f in rule.unanswered} == {"data_stores[2].attached_by"} with input as inp
}

test_not_applicable_without_stores if {
	not rule.applicable with input as {"service": {"name": "x", "owner": "t", "tier": 0}}
}

test_applicable_with_stores if {
	rule.applicable with input as {"data_stores": [{"name": "db"}]}
}

package archvet.rules.production_readiness.api_versioning_test

import rego.v1

import data.archvet.rules.production_readiness.api_versioning

test_versioned_passes if {
	count(api_versioning.deny) == 0 with input as {"apis": [
		{"name": "orders", "exposure": "public", "versioning": "url"},
		{"name": "admin", "exposure": "internal"},
	]}
}

test_unversioned_fails if {
	findings := api_versioning.deny with input as {"apis": [
		{"name": "admin", "exposure": "internal"},
		{"name": "partners", "exposure": "partner", "versioning": "none"},
		{"name": "orders"},
	]}
	{f.path | some f in findings} == {"apis[1].versioning"}
	api_versioning.applicable with input as {"apis": [{"name": "orders"}]}
}

test_internal_only_not_applicable if {
	not api_versioning.applicable with input as {"apis": [{"name": "admin", "exposure": "internal"}]}
}

# Bug 16: an unstated scheme is a question, not "has no versioning".
test_unstated_is_unanswered if {
	findings := api_versioning.unanswered with input as {"apis": [{"name": "orders"}]}
	{f.path | some f in findings} == {"apis[0].versioning"}
	count(api_versioning.deny) == 0 with input as {"apis": [{"name": "orders"}]}
}

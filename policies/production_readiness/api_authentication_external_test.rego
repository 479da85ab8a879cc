package archvet.rules.production_readiness.api_authentication_external_test

import rego.v1

import data.archvet.rules.production_readiness.api_authentication_external

test_authenticated_passes if {
	count(api_authentication_external.deny) == 0 with input as {"apis": [
		{"name": "orders", "exposure": "public", "authentication": "oauth2"},
		{"name": "admin", "exposure": "internal", "authentication": "none"},
	]}
}

test_anonymous_fails if {
	findings := api_authentication_external.deny with input as {"apis": [
		{"name": "orders", "exposure": "public", "authentication": "oidc"},
		{"name": "partners", "exposure": "partner", "authentication": "none"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "apis[1].authentication"
}

test_anonymous_write_on_public_data_fails if {
	some f in api_authentication_external.deny with input as {
		"data": {"classification": "public"},
		"apis": [{"name": "catalogue", "authentication": "none", "idempotency": "keys"}],
	}
	f.path == "apis[0].authentication"
}

test_anonymous_read_of_public_data_passes if {
	count(api_authentication_external.deny) == 0 with input as {
		"data": {"classification": "public"},
		"apis": [{"name": "catalogue", "authentication": "none", "idempotency": "read-only"}],
	}
}

test_unstated_fails if {
	api_authentication_external.applicable with input as {"apis": [{"name": "orders"}]}
	some f in api_authentication_external.unanswered with input as {"apis": [{"name": "orders"}]}
	f.path == "apis[0].authentication"
	contains(f.msg, "does not say")
}

test_internal_only_not_applicable if {
	not api_authentication_external.applicable with input as {"apis": [{"name": "admin", "exposure": "internal"}]}
}

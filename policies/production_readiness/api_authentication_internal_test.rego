package archvet.rules.production_readiness.api_authentication_internal_test

import rego.v1

import data.archvet.rules.production_readiness.api_authentication_internal

test_per_api_auth_passes if {
	count(api_authentication_internal.deny) == 0 with input as {"apis": [{"name": "admin", "exposure": "internal", "authentication": "jwt"}]}
}

test_platform_auth_passes if {
	count(api_authentication_internal.deny) == 0 with input as {
		"security": {"service_auth": "mtls"},
		"apis": [{"name": "admin", "exposure": "internal", "authentication": "none"}],
	}
}

test_unauthenticated_fails if {
	findings := api_authentication_internal.deny with input as {
		"security": {"service_auth": "none"},
		"apis": [
			{"name": "admin", "exposure": "internal", "authentication": "mtls"},
			{"name": "jobs", "exposure": "internal", "authentication": "none"},
		],
	}
	api_authentication_internal.applicable with input as {"apis": [{"name": "jobs", "exposure": "internal"}]}
	count(findings) == 1
	some f in findings
	f.path == "apis[1].authentication"
}

test_external_only_not_applicable if {
	not api_authentication_internal.applicable with input as {"apis": [{"name": "orders", "exposure": "public"}]}
}

# Neither side stated: a question, not a failure.
test_unstated_is_unanswered if {
	inp := {"apis": [
		{"name": "jobs", "exposure": "internal"},
		{"name": "batch", "exposure": "internal", "authentication": "none"},
		{"name": "admin", "exposure": "internal", "authentication": "jwt"},
	]}
	count(api_authentication_internal.deny) == 0 with input as inp
	{f.path | some f in api_authentication_internal.unanswered} == {"apis[0].authentication", "apis[1].authentication"} with input as inp
}

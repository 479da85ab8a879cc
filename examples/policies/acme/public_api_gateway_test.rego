package archvet.rules.acme.public_api_gateway_test

import rego.v1

import data.archvet.rules.acme.public_api_gateway as rule

test_registered_public_api_passes if {
	count(rule.deny) == 0 with input as {"apis": [{"name": "web", "exposure": "public", "spec": "api/web.yaml", "authentication": "oidc"}]}
}

test_unregistered_public_api_fails if {
	findings := rule.deny with input as {"apis": [
		{"name": "admin", "exposure": "internal"},
		{"name": "web", "exposure": "public", "authentication": "api-key"},
	]}
	{f.path | some f in findings} == {"apis[1].spec", "apis[1].authentication"}
}

test_internal_apis_not_applicable if {
	not rule.applicable with input as {"apis": [{"name": "admin", "exposure": "internal"}]}
}

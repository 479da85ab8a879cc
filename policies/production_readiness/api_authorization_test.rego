package archvet.rules.production_readiness.api_authorization_test

import rego.v1

import data.archvet.rules.production_readiness.api_authorization

test_authorized_passes if {
	count(api_authorization.deny) == 0 with input as {"apis": [
		{"name": "orders", "authorization": "owner-check"},
		{"name": "admin", "authorization": "rbac"},
	]}
}

test_no_authorization_fails if {
	findings := api_authorization.deny with input as {"apis": [
		{"name": "orders", "authorization": "scopes"},
		{"name": "admin", "authorization": "none"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "apis[1].authorization"
}

test_unstated_fails if {
	api_authorization.applicable with input as {"apis": [{"name": "orders"}]}
	some f in api_authorization.unanswered with input as {"apis": [{"name": "orders"}]}
	f.path == "apis[0].authorization"
	contains(f.msg, "does not say")
}

test_public_read_only_passes if {
	count(api_authorization.deny) == 0 with input as {
		"data": {"classification": "public"},
		"apis": [{"name": "catalogue", "idempotency": "read-only", "authorization": "none"}],
	}
}

test_no_apis_not_applicable if {
	not api_authorization.applicable with input as {"service": {"name": "worker"}}
}

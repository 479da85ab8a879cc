package archvet.rules.production_readiness.api_idempotency_test

import rego.v1

import data.archvet.rules.production_readiness.api_idempotency

test_idempotent_passes if {
	count(api_idempotency.deny) == 0 with input as {"apis": [
		{"name": "payments", "idempotency": "keys"},
		{"name": "profiles", "idempotency": "natural"},
		{"name": "catalogue", "idempotency": "read-only"},
	]}
}

test_non_idempotent_fails if {
	findings := api_idempotency.deny with input as {"apis": [
		{"name": "catalogue", "idempotency": "read-only"},
		{"name": "payments", "idempotency": "none"},
	]}
	count(findings) == 1
	some f in findings
	f.path == "apis[1].idempotency"
}

test_unstated_fails if {
	api_idempotency.applicable with input as {"apis": [{"name": "payments"}]}
	some f in api_idempotency.unanswered with input as {"apis": [{"name": "payments"}]}
	f.path == "apis[0].idempotency"
	contains(f.msg, "does not say")
}

test_no_apis_not_applicable if {
	not api_idempotency.applicable with input as {"service": {"name": "worker"}}
}

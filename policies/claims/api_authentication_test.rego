package archvet.rules.claims.api_authentication_test

import rego.v1

import data.archvet.rules.claims.api_authentication as rule

at(line) := {"file": "api/web.openapi.yaml", "line": line, "column": 5}

review := {"apis": [
	{"name": "web", "spec": "api/web.openapi.yaml", "authentication": "oidc"},
	{"name": "status", "spec": "api/status.openapi.yaml", "authentication": "none"},
]}

op(method, path, line, secured) := {"method": method, "path": path, "at": at(line), "facts": {"secured": {"value": secured, "at": at(line + 1)}}}

spec(ref, operations) := {"ref": ref, "file": ref, "at": at(1), "facts": {}, "operations": operations}

with_specs(web, status) := object.union(review, {"_artefacts": {"openapi": {"specs": [
	spec("api/web.openapi.yaml", web),
	spec("api/status.openapi.yaml", status),
]}}})

status(claims, path) := [c.status | some c in claims; c.path == path][0]

test_secured_operations_verify if {
	inp := with_specs([op("get", "/orders", 10, true), op("post", "/orders", 20, true)], [op("get", "/status", 10, false)])
	claims := rule.claims with input as inp
	count(claims) == 2
	every c in claims {
		c.status == "verified"
	}
	count(rule.deny) == 0 with input as inp
}

test_unsecured_operation_contradicts_at_the_first if {
	inp := with_specs([op("get", "/orders", 10, true), op("delete", "/orders/{id}", 40, false), op("get", "/orders/{id}", 30, false)], [])
	rule.deny == {{
		"msg": "apis[0].authentication says oidc, but GET /orders/{id} in api/web.openapi.yaml declares no security requirement",
		"path": "apis[0].authentication",
		"at": at(31),
		"related": [],
	}} with input as inp
}

schemes(operation, kinds) := object.union(operation, {"facts": {"authentication": {"value": kinds, "at": operation.at}}})

test_scheme_of_the_claimed_kind_verifies if {
	inp := with_specs([schemes(op("get", "/orders", 10, true), ["api-key", "oidc"])], [])
	claims := rule.claims with input as inp
	status(claims, "apis[0].authentication") == "verified"
}

test_scheme_of_another_kind_contradicts if {
	inp := with_specs([schemes(op("get", "/orders", 10, true), ["api-key"])], [])
	some f in rule.deny with input as inp
	f.msg == "apis[0].authentication says oidc, but GET /orders in api/web.openapi.yaml accepts api-key"
	f.at == at(10)
}

test_schemes_of_an_unknown_kind_are_not_compared if {
	inp := with_specs([schemes(op("get", "/orders", 10, true), [])], [schemes(op("get", "/status", 10, false), ["oidc"])])
	claims := rule.claims with input as inp
	every c in claims {
		c.status == "verified"
	}
}

test_open_api_with_a_secured_operation_contradicts if {
	inp := with_specs([], [op("get", "/status", 10, true)])
	some f in rule.deny with input as inp
	f.msg == "apis[1].authentication says none, but GET /status in api/status.openapi.yaml requires authentication"
}

test_unread_spec_leaves_the_claim_unverified if {
	inp := object.union(review, {"_artefacts": {"openapi": {"specs": [spec("api/other.yaml", [op("get", "/x", 10, false)])]}}})
	claims := rule.claims with input as inp
	status(claims, "apis[0].authentication") == "unverified"
	count(rule.deny) == 0 with input as inp
}

test_without_openapi_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# OpenAPI specs were read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"openapi": {}}})

test_when_nothing_speaks_the_claims_are_unverified if {
	rule.applicable with input as nothing_read
	claims := rule.claims with input as nothing_read
	count(claims) == 2
	status(claims, "apis[1].authentication") == "unverified"
}

test_no_authentication_stated_not_applicable if {
	not rule.applicable with input as {"apis": [{"name": "web"}]}
}

test_one_claim_is_enough_to_apply if {
	rule.applicable with input as object.union({"apis": [{"name": "web", "authentication": "mtls"}]}, {"_artefacts": {"openapi": {}}})
}

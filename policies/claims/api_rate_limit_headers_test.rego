package archvet.rules.claims.api_rate_limit_headers_test

import rego.v1

import data.archvet.rules.claims.api_rate_limit_headers as rule

at(line) := {"file": "api/web.openapi.yaml", "line": line, "column": 7}

review := {"apis": [{"name": "web", "spec": "api/web.openapi.yaml", "rate_limit": {"enabled": true, "headers": true}}]}

op(path, line, responses, retry_after) := {"method": "post", "path": path, "at": at(line), "facts": {
	"responses": {"value": responses, "at": at(line + 3)},
	"retry_after_on_429": {"value": retry_after, "at": at(line + 6)},
}}

with_ops(operations) := object.union(review, {"_artefacts": {"openapi": {"specs": [
	{"ref": "api/web.openapi.yaml", "file": "api/web.openapi.yaml", "at": at(1), "facts": {}, "operations": operations},
]}}})

status(claims) := [c.status | some c in claims][0]

test_429_with_retry_after_everywhere_verifies if {
	inp := with_ops([op("/orders", 10, ["201", "429"], true), op("/carts", 40, ["200", "429", "503"], true)])
	status(rule.claims) == "verified" with input as inp
	count(rule.deny) == 0 with input as inp
}

test_operation_without_429_contradicts if {
	inp := with_ops([op("/orders", 10, ["201", "429"], true), op("/carts", 40, ["200"], false)])
	rule.deny == {{
		"msg": "apis[0].rate_limit.headers says true, but POST /carts in api/web.openapi.yaml declares no 429 response",
		"path": "apis[0].rate_limit.headers",
		"at": at(43),
		"related": [],
	}} with input as inp
}

test_429_without_retry_after_contradicts if {
	inp := with_ops([op("/orders", 10, ["201", "429"], false)])
	some f in rule.deny with input as inp
	f.msg == "apis[0].rate_limit.headers says true, but POST /orders in api/web.openapi.yaml declares a 429 response without a Retry-After header"
	f.at == at(16)
}

test_without_openapi_the_rule_does_not_apply if {
	not rule.applicable with input as review
}

# OpenAPI specs were read, but none of it speaks to the claims.
nothing_read := object.union(review, {"_artefacts": {"openapi": {}}})

test_when_nothing_speaks_the_claim_is_unverified if {
	rule.applicable with input as nothing_read
	status(rule.claims) == "unverified" with input as nothing_read
}

test_no_header_claim_not_applicable if {
	not rule.applicable with input as {"apis": [{"name": "web", "rate_limit": {"headers": false}}]}
}

test_no_429_is_the_finding_not_its_missing_header if {
	reordered := {"method": "get", "path": "/orders", "at": at(10), "facts": {
		"retry_after_on_429": {"value": false, "at": at(11)},
		"responses": {"value": ["200"], "at": at(13)},
	}}
	some f in rule.deny with input as with_ops([reordered])
	f.at == at(13)
}

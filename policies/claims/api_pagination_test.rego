package archvet.rules.claims.api_pagination_test

import rego.v1

import data.archvet.rules.claims.api_pagination as rule

at(line) := {"file": "api/web.openapi.yaml", "line": line, "column": 5}

review := {"apis": [{"name": "web", "spec": "api/web.openapi.yaml", "pagination": "cursor", "max_page_size": 100}]}

paged_op(path, line, params, maximum) := {"method": "get", "path": path, "at": at(line), "facts": {
	"list": {"value": true, "at": at(line)},
	"pagination_params": {"value": params, "at": at(line + 2)},
	"pagination": {"value": style(params), "at": at(line + 2)},
	"max_page_size": {"value": maximum, "at": at(line + 5)},
}}

# The reader's styles, for the parameters these tests use.
style(params) := "cursor" if {
	some p in params
	p in {"cursor", "page_token"}
} else := "offset" if {
	some p in params
	p in {"offset", "Page"}
} else := "none"

single := {"method": "get", "path": "/orders/{id}", "at": at(80), "facts": {
	"list": {"value": false, "at": at(80)},
	"pagination_params": {"value": [], "at": at(80)},
}}

with_ops(operations) := object.union(review, {"_artefacts": {"openapi": {"specs": [
	{"ref": "api/web.openapi.yaml", "file": "api/web.openapi.yaml", "at": at(1), "facts": {}, "operations": operations},
]}}})

status(claims, path) := [c.status | some c in claims; c.path == path][0]

test_cursor_pages_within_the_maximum_verify if {
	inp := with_ops([paged_op("/orders", 10, ["page_token", "limit"], 100), paged_op("/carts", 40, ["cursor", "limit"], 50), single])
	claims := rule.claims with input as inp
	count(claims) == 2
	every c in claims {
		c.status == "verified"
	}
	count(rule.deny) == 0 with input as inp
}

test_offset_paging_and_larger_pages_contradict if {
	inp := with_ops([paged_op("/orders", 10, ["offset", "limit"], 101)])
	findings := rule.deny with input as inp
	count(findings) == 2
	some f in findings
	f.msg == "apis[0].pagination says cursor, but list operation GET /orders in api/web.openapi.yaml pages by offset (parameters: offset, limit)"
	f.at == at(12)
	some g in findings
	g.msg == "apis[0].max_page_size says 100, but list operation GET /orders in api/web.openapi.yaml accepts pages of up to 101 items"
	g.at == at(15)
}

test_offset_claim_agrees_with_offset_parameters if {
	inp := json.patch(with_ops([paged_op("/orders", 10, ["Page", "limit"], 20)]), [{"op": "replace", "path": "/apis/0/pagination", "value": "offset"}])
	claims := rule.claims with input as inp
	status(claims, "apis[0].pagination") == "verified"
}

test_no_pagination_claim_is_held_to_no_page_parameters if {
	unpaged := json.patch(with_ops([paged_op("/orders", 10, ["limit"], 20)]), [{"op": "replace", "path": "/apis/0/pagination", "value": "none"}])
	status(rule.claims, "apis[0].pagination") == "verified" with input as unpaged
	paged := json.patch(with_ops([paged_op("/orders", 10, ["cursor"], 20)]), [{"op": "replace", "path": "/apis/0/pagination", "value": "not-needed"}])
	status(rule.claims, "apis[0].pagination") == "contradicted" with input as paged
}

test_list_without_a_maximum_leaves_the_size_unverified if {
	op := json.remove(paged_op("/orders", 10, ["cursor", "limit"], 0), ["facts/max_page_size"])
	claims := rule.claims with input as with_ops([op])
	status(claims, "apis[0].max_page_size") == "unverified"
	status(claims, "apis[0].pagination") == "verified"
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
	status(claims, "apis[0].pagination") == "unverified"
}

test_one_claim_is_enough_to_apply if {
	rule.applicable with input as object.union({"apis": [{"name": "web", "max_page_size": 50}]}, {"_artefacts": {"openapi": {}}})
}

test_no_pagination_stated_not_applicable if {
	not rule.applicable with input as {"apis": [{"name": "web"}]}
}

test_unpaged_list_contradicts_a_cursor_claim if {
	inp := with_ops([paged_op("/orders", 10, [], 100)])
	some f in rule.deny with input as inp
	f.msg == "apis[0].pagination says cursor, but list operation GET /orders in api/web.openapi.yaml takes no page parameter"
}

# METADATA
# title: The pagination a review claims for an API is what its spec's list operations accept
# description: |-
#   A list operation without a page parameter returns the whole collection,
#   and one whose page size has no maximum lets a client ask for a million
#   rows: both grow with the data until a request times out or exhausts
#   memory. A review that says its APIs page by cursor up to 100 items
#   passes the pagination rules on its word; the contract clients code
#   against is the OpenAPI spec. This rule holds `apis[].pagination` and
#   `max_page_size` against the parameters of the spec's list operations
#   and the maximum of their page-size parameter.
# related_resources:
#   - ref: https://google.aip.dev/158
#     description: Google API Improvement Proposals, AIP-158 Pagination
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/
#     description: OWASP API Security Top 10, API4 Unrestricted Resource Consumption
# custom:
#   id: CL014
#   severity: medium
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: api-design
#   remediation: |-
#     Give every list operation the page parameters the review names (a
#     cursor or page token and a limit, or offset and limit) and a
#     `maximum` on the limit no larger than `max_page_size`; or correct
#     `apis[].pagination` and `max_page_size` to what the spec accepts.
#   applicability: |-
#     Reviews whose APIs state `pagination` or `max_page_size`. Without the
#     API's OpenAPI spec among the artefacts the claims stay unverified.
#     It applies only when the review has OpenAPI specs among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     apis:
#       - name: checkout-web
#         spec: api/checkout-web.openapi.yaml
#         pagination: cursor
#         max_page_size: 100
package archvet.rules.claims.api_pagination

import rego.v1

import data.archvet.lib

stated contains [sprintf("apis[%d].%s", [i, field]), claimed] if {
	some i, api in lib.apis
	some field in ["pagination", "max_page_size"]
	claimed := api[field]
}

# Without openapi in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("openapi")
	count(stated) > 0
}

evidence contains {"path": sprintf("apis[%d].%s", [i, field]), "field": field, "claimed": claimed, "spec": spec, "op": op, "fact": fact} if {
	some i, api in lib.apis
	some field in ["pagination", "max_page_size"]
	claimed := api[field]
	some [spec, op] in lib.api_operations(api)
	op.facts.list.value == true
	fact := op.facts[field]
}

# compared is what the rule compares: [what the operation shows, what
# the review says], in the same terms. The spec's style is cursor when a
# cursor or page-token parameter is taken, offset for an offset or page
# number, none without either.
compared(e) := [e.fact.value, e.claimed] if {
	e.field == "pagination"
	e.claimed in {"cursor", "offset"}
}

compared(e) := [e.fact.value, "none"] if {
	e.field == "pagination"
	e.claimed in {"none", "not-needed"}
}

compared(e) := [within, true] if {
	e.field == "max_page_size"
	is_number(e.fact.value)
	within := e.fact.value <= e.claimed
}

params(op) := sprintf(" (parameters: %s)", [concat(", ", op.facts.pagination_params.value)]) if {
	count(op.facts.pagination_params.value) > 0
} else := ""

observed(e) := sprintf("pages by %s%s", [e.fact.value, params(e.op)]) if {
	e.field == "pagination"
	e.fact.value != "none"
}

observed(e) := "takes no page parameter" if {
	e.field == "pagination"
	e.fact.value == "none"
}

observed(e) := sprintf("accepts pages of up to %v items", [e.fact.value]) if e.field == "max_page_size"

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %v, but list operation %s %s", [e.path, e.claimed, lib.operation_label(e.spec, e.op), observed(e)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

# METADATA
# title: An API the review says answers throttled calls with 429 and Retry-After declares them in its spec
# description: |-
#   A client that is throttled without a 429 status cannot tell overload
#   from failure, and one without Retry-After can only guess when to come
#   back, so it retries at once and makes the overload worse. Client
#   generators and API consumers learn both from the contract. A review
#   that claims `rate_limit.headers` passes the throttling rules on its
#   word; this rule holds it against each operation of the API's spec: a
#   429 response, with a Retry-After header.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_mitigate_interaction_failure_throttle_requests.html
#     description: REL05-BP02 Throttle requests
#   - ref: https://www.rfc-editor.org/rfc/rfc6585#section-4
#     description: RFC 6585, status code 429 Too Many Requests
#   - ref: https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
#     description: RFC 9110, the Retry-After header field
# custom:
#   id: CL016
#   best_practices: [REL05-BP02]
#   severity: low
#   check: reasoning
#   level: proactive
#   frameworks:
#     production-readiness: api-design
#     well-architected: reliability
#   remediation: |-
#     Declare a 429 response with a `Retry-After` header on every operation
#     (a shared `components.responses` entry referenced from each), or
#     correct `apis[].rate_limit.headers` to false.
#   applicability: |-
#     Reviews whose APIs state `rate_limit.headers: true`. Without the API's
#     OpenAPI spec among the artefacts the claim stays unverified.
#     It applies only when the review has OpenAPI specs among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     apis:
#       - name: checkout-web
#         spec: api/checkout-web.openapi.yaml
#         rate_limit:
#           enabled: true
#           headers: true
package archvet.rules.claims.api_rate_limit_headers

import rego.v1

import data.archvet.lib

stated contains [sprintf("apis[%d].rate_limit.headers", [i]), true] if {
	some i, api in lib.apis
	api.rate_limit.headers == true
}

# Without openapi in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("openapi")
	count(stated) > 0
}

# Without a 429 response there is no Retry-After to look for.
no_429(op) if {
	is_array(op.facts.responses.value)
	not "429" in op.facts.responses.value
}

evidence contains {"path": path, "spec": spec, "op": op, "key": key, "fact": fact} if {
	some i, api in lib.apis
	api.rate_limit.headers == true
	some [spec, op] in lib.api_operations(api)
	some key in ["responses", "retry_after_on_429"]
	fact := op.facts[key]
	not skipped(key, op)
	path := sprintf("apis[%d].rate_limit.headers", [i])
}

skipped("retry_after_on_429", op) if no_429(op)

compared(e) := [declared, true] if {
	e.key == "responses"
	is_array(e.fact.value)
	declared := "429" in e.fact.value
}

compared(e) := [e.fact.value, true] if e.key == "retry_after_on_429"

observed("responses") := "declares no 429 response"

observed("retry_after_on_429") := "declares a 429 response without a Retry-After header"

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says true, but %s %s", [e.path, lib.operation_label(e.spec, e.op), observed(e.key)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

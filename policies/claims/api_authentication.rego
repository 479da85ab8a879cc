# METADATA
# title: An API the review calls authenticated requires authentication on every operation of its spec
# description: |-
#   API gateways and generated servers enforce the security requirements
#   of the OpenAPI contract, and the operation without one is the one an
#   attacker calls. A review that says an API authenticates with OIDC
#   passes the authentication rules, while one endpoint left with
#   `security: []` (or none, and no global default) serves anyone. This
#   rule holds `apis[].authentication` against the security requirements
#   of every operation in the API's spec.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_transit_authentication.html
#     description: SEC09-BP03 Authenticate network communications
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa2-broken-authentication/
#     description: OWASP API Security Top 10, API2 Broken Authentication
#   - ref: https://spec.openapis.org/oas/v3.1.0#security-requirement-object
#     description: OpenAPI Specification 3.1, Security Requirement Object
# custom:
#   id: CL013
#   best_practices: [SEC09-BP03]
#   severity: critical
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: api-design
#     well-architected: security
#   remediation: |-
#     Declare a security requirement for every operation (a global
#     `security` list, and no `security: []` override on operations that
#     need a caller), or correct `apis[].authentication` if the API really
#     is open.
#   applicability: |-
#     Reviews whose APIs state `authentication`. Without the API's OpenAPI
#     spec among the artefacts the claim stays unverified.
#     It applies only when the review has OpenAPI specs among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     apis:
#       - name: checkout-web
#         exposure: public
#         spec: api/checkout-web.openapi.yaml
#         authentication: oidc
package archvet.rules.claims.api_authentication

import rego.v1

import data.archvet.lib

stated contains [sprintf("apis[%d].authentication", [i]), api.authentication] if {
	some i, api in lib.apis
	is_string(api.authentication)
}

# Without openapi in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("openapi")
	count(stated) > 0
}

# Whether each operation requires credentials, and the kinds of
# credential (oidc, oauth2, api-key...) its security schemes name.
evidence contains {"path": path, "key": key, "claimed": api.authentication, "spec": spec, "op": op, "fact": fact} if {
	some i, api in lib.apis
	is_string(api.authentication)
	some [spec, op] in lib.api_operations(api)
	some key in ["secured", "authentication"]
	fact := op.facts[key]
	path := sprintf("apis[%d].authentication", [i])
}

# compared is what the rule compares: [what the operation shows, what
# the review says], in the same terms.
compared(e) := [e.fact.value, authenticated] if {
	e.key == "secured"
	authenticated := e.claimed != "none"
}

compared(e) := [accepted, true] if {
	e.key == "authentication"
	e.claimed != "none"
	count(e.fact.value) > 0
	accepted := e.claimed in e.fact.value
}

observed(e) := "requires authentication" if {
	e.key == "secured"
	e.fact.value == true
}

observed(e) := "declares no security requirement" if {
	e.key == "secured"
	e.fact.value == false
}

observed(e) := sprintf("accepts %s", [concat(", ", e.fact.value)]) if e.key == "authentication"

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %s, but %s %s", [e.path, e.claimed, lib.operation_label(e.spec, e.op), observed(e)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

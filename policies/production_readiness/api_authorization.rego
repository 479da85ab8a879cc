# METADATA
# title: Every API decides what each caller may do
# description: |-
#   Knowing who is calling is only half the job. An API that authenticates
#   callers but lets any of them read or change any record is the most common
#   way data leaks through APIs: change an id in the URL and another
#   customer's order comes back. Each API should state how access is
#   decided, by role, attribute, scope or ownership check, so that the check
#   is designed in rather than left to each handler.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_permissions_define.html
#     description: SEC03-BP01 Define access requirements
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa1-broken-object-level-authorization/
#     description: OWASP API Security Top 10, API1 Broken Object Level Authorization
# custom:
#   id: PR109
#   severity: high
#   level: reactive
#   check: threshold
#   best_practices: [SEC03-BP01]
#   frameworks:
#     production-readiness: api-design
#     well-architected: security
#   remediation: |-
#     Decide access on every request, including a check that the caller owns
#     or may act on the object named in the request, enforce it in one place
#     (middleware or a policy engine), and set `apis[].authorization`.
#     Read-only APIs serving only public data are exempt.
#   applicability: The service offers at least one API.
#   example: |-
#     apis:
#       - name: orders
#         authorization: owner-check
package archvet.rules.production_readiness.api_authorization

import rego.v1

import data.archvet.lib

# Reading data the organisation has classified as public needs no access
# decision.
open_data(api) if {
	object.get(api, "idempotency", "") == "read-only"
	object.get(input, ["data", "classification"], "") == "public"
}

applicable if count(lib.apis) > 0

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	api.authorization == "none"
	not open_data(api)
	msg := sprintf("api %q lets every caller do everything it offers", [api.name])
	path := sprintf("apis[%d].authorization", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	not api.authorization
	not open_data(api)
	msg := sprintf("the design does not say how api %q decides what a caller may do", [api.name])
	path := sprintf("apis[%d].authorization", [i])
}

# METADATA
# title: Rate-limited APIs tell clients when to come back
# description: |-
#   A client that is throttled without explanation can only guess: most
#   retry at once, which keeps the limit hit and turns throttling into a
#   retry storm. Answering with 429 Too Many Requests and a Retry-After
#   header, and reporting the remaining quota in rate-limit headers on every
#   response, lets well-behaved clients slow down before they are cut off and
#   wait the right amount of time when they are.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_mitigate_interaction_failure_throttle_requests.html
#     description: REL05-BP02 Throttle requests
#   - ref: https://www.rfc-editor.org/rfc/rfc6585#section-4
#     description: RFC 6585, status code 429 Too Many Requests
#   - ref: https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
#     description: RFC 9110, the Retry-After header field
# custom:
#   id: PR106
#   severity: low
#   level: proactive
#   check: presence
#   best_practices: [REL05-BP02]
#   frameworks:
#     production-readiness: api-design
#     well-architected: reliability
#   remediation: |-
#     Reject throttled requests with 429 and a Retry-After header, add
#     rate-limit headers (limit, remaining, reset) to responses, document them
#     for clients, and set `apis[].rate_limit.headers: true`.
#   applicability: The service offers a rate-limited public or partner API (an API that does not state its exposure is treated as public).
#   example: |-
#     apis:
#       - name: orders
#         exposure: partner
#         rate_limit:
#           enabled: true
#           headers: true
package archvet.rules.production_readiness.api_rate_limit_headers

import rego.v1

import data.archvet.lib

# Rate-limited APIs reachable from outside the organisation. An API that does
# not say is treated as public.
limited_external_apis contains [i, api] if {
	some i, api in lib.apis
	object.get(api, "exposure", "public") in {"public", "partner"}
	object.get(api, ["rate_limit", "enabled"], false) == true
}

applicable if count(limited_external_apis) > 0

deny contains lib.finding(msg, path) if {
	some [i, api] in limited_external_apis
	api.rate_limit.headers == false
	msg := sprintf("api %q throttles clients without 429, Retry-After and rate-limit headers", [api.name])
	path := sprintf("apis[%d].rate_limit.headers", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, api] in limited_external_apis
	not is_boolean(object.get(api, ["rate_limit", "headers"], null))
	msg := sprintf("the design does not say whether api %q tells throttled clients when to retry (429, Retry-After, rate-limit headers)", [api.name])
	path := sprintf("apis[%d].rate_limit.headers", [i])
}

# METADATA
# title: Public and partner APIs are rate limited
# description: |-
#   Traffic from outside the organisation is not under the service's
#   control: a partner's buggy retry loop, a scraper or a sudden launch can
#   send many times the planned load. Without a limit, that traffic consumes
#   capacity meant for everyone else and can take the service down for all
#   clients. A per-client limit with a stated rate keeps one caller's
#   behaviour from becoming everyone's outage, and makes capacity planning
#   possible.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_mitigate_interaction_failure_throttle_requests.html
#     description: REL05-BP02 Throttle requests
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/
#     description: OWASP API Security Top 10, API4 Unrestricted Resource Consumption
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload
# custom:
#   id: PR105
#   severity: high
#   level: reactive
#   check: presence
#   best_practices: [REL05-BP02]
#   frameworks:
#     production-readiness: api-design
#     well-architected: reliability
#   remediation: |-
#     Enforce a rate limit per client or API key at the gateway or in the
#     service, sized from the capacity plan, and record it in
#     `apis[].rate_limit` (`enabled: true`, `per`, `requests_per_second`).
#   applicability: The service offers a public or partner API (an API that does not state its exposure is treated as public).
#   example: |-
#     apis:
#       - name: orders
#         exposure: public
#         rate_limit:
#           enabled: true
#           per: api-key
#           requests_per_second: 50
package archvet.rules.production_readiness.api_rate_limits

import rego.v1

import data.archvet.lib

# APIs reachable from outside the organisation. An API that does not say is
# treated as public: the strictest reading is the safe default.
external_apis contains [i, api] if {
	some i, api in lib.apis
	object.get(api, "exposure", "public") in {"public", "partner"}
}

applicable if count(external_apis) > 0

deny contains lib.finding(msg, path) if {
	some [i, api] in external_apis
	object.get(api, ["rate_limit", "enabled"], null) == false
	msg := sprintf("%s api %q is not rate limited", [object.get(api, "exposure", "public"), api.name])
	path := sprintf("apis[%d].rate_limit.enabled", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, api] in external_apis
	object.get(api, ["rate_limit", "enabled"], null) == null
	msg := sprintf("the design does not say whether api %q is rate limited", [api.name])
	path := sprintf("apis[%d].rate_limit.enabled", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, api] in external_apis
	api.rate_limit.enabled == true
	not is_number(object.get(api, ["rate_limit", "requests_per_second"], null))
	msg := sprintf("the design does not say at what rate api %q is limited", [api.name])
	path := sprintf("apis[%d].rate_limit.requests_per_second", [i])
}

# METADATA
# title: Public and partner APIs authenticate every caller
# description: |-
#   An API reachable from the internet without authentication can be called
#   by anyone, at any volume, with no way to tell callers apart, to revoke
#   one of them, or to trace abuse back to its source. For an API that
#   changes state or returns anything but public data, that is a breach
#   waiting for someone to find the URL. The only honest exception is an
#   API that only reads data the organisation classifies as public.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_transit_authentication.html
#     description: SEC09-BP03 Authenticate network communications
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa2-broken-authentication/
#     description: OWASP API Security Top 10, API2 Broken Authentication
# custom:
#   id: PR107
#   severity: critical
#   level: reactive
#   check: threshold
#   best_practices: [SEC09-BP03]
#   frameworks:
#     production-readiness: api-design
#     well-architected: security
#   remediation: |-
#     Require OAuth 2.0 or OIDC tokens (or mTLS, or API keys for
#     server-to-server partners) on every public and partner API, validate
#     them on every request, and set `apis[].authentication`. Anonymous access
#     is acceptable only for read-only APIs when `data.classification` is
#     `public`.
#   applicability: The service offers a public or partner API (an API that does not state its exposure is treated as public).
#   example: |-
#     apis:
#       - name: orders
#         exposure: public
#         authentication: oidc
#       - name: partners
#         exposure: partner
#         authentication: mtls
package archvet.rules.production_readiness.api_authentication_external

import rego.v1

import data.archvet.lib

# APIs reachable from outside the organisation. An API that does not say is
# treated as public: the strictest reading is the safe default.
external_apis contains [i, api] if {
	some i, api in lib.apis
	object.get(api, "exposure", "public") in {"public", "partner"}
}

# Reading data the organisation has classified as public needs no identity.
anonymous_allowed(api) if {
	object.get(api, "idempotency", "") == "read-only"
	object.get(input, ["data", "classification"], "") == "public"
}

applicable if count(external_apis) > 0

deny contains lib.finding(msg, path) if {
	some [i, api] in external_apis
	api.authentication == "none"
	not anonymous_allowed(api)
	msg := sprintf("%s api %q accepts requests from anyone without authentication", [object.get(api, "exposure", "public"), api.name])
	path := sprintf("apis[%d].authentication", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, api] in external_apis
	not api.authentication
	msg := sprintf("the design does not say how api %q authenticates its callers", [api.name])
	path := sprintf("apis[%d].authentication", [i])
}

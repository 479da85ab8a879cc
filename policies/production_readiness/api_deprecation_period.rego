# METADATA
# title: Public and partner API versions are retired with at least 90 days' notice
# description: |-
#   External clients plan their work in quarters, and some are shipped in
#   mobile apps that users update slowly. Removing an API version with a few
#   weeks' notice breaks integrations that nobody had time to migrate, and
#   the outage lands on the client's side where the service team cannot see
#   it. A published deprecation period of at least three months, announced
#   in responses as well as in documentation, gives clients a fair chance to
#   move.
# related_resources:
#   - ref: https://www.rfc-editor.org/rfc/rfc8594
#     description: RFC 8594, the Sunset HTTP header field
#   - ref: https://www.rfc-editor.org/rfc/rfc9745
#     description: RFC 9745, the Deprecation HTTP header field
#   - ref: https://google.aip.dev/185
#     description: Google API Improvement Proposals, AIP-185 API versioning
# custom:
#   id: PR103
#   severity: medium
#   level: proactive
#   check: threshold
#   params:
#     min_deprecation_days:
#       description: least notice, in days, an external API gives before removing a version
#       tiers: [180, 90, 90, 30]
#   frameworks:
#     production-readiness: api-design
#   remediation: |-
#     Publish a deprecation policy of at least 90 days for public and partner
#     APIs, announce removals with Deprecation and Sunset headers as well as in
#     the changelog, and set `apis[].deprecation_days`.
#   applicability: The service offers a public or partner API (an API that does not state its exposure is treated as public).
#   example: |-
#     apis:
#       - name: orders
#         exposure: public
#         deprecation_days: 180
package archvet.rules.production_readiness.api_deprecation_period

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

# APIs reachable from outside the organisation. An API that does not say is
# treated as public: the strictest reading is the safe default.
external_apis contains [i, api] if {
	some i, api in lib.apis
	object.get(api, "exposure", "public") in {"public", "partner"}
}

applicable if count(external_apis) > 0

unanswered contains lib.finding(msg, path) if {
	some [i, api] in external_apis
	object.get(api, "deprecation_days", null) == null
	msg := sprintf("the design does not say how much notice api %q gives before removing a version", [api.name])
	path := sprintf("apis[%d].deprecation_days", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, api] in external_apis
	days := api.deprecation_days
	days < params.min_deprecation_days
	msg := sprintf(
		"api %q gives %d days' notice before removing a version, less than %d at tier %d",
		[api.name, days, params.min_deprecation_days, lib.tier],
	)
	path := sprintf("apis[%d].deprecation_days", [i])
}

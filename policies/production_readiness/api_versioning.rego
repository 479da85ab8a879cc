# METADATA
# title: Public and partner APIs are versioned
# description: |-
#   Clients outside the organisation upgrade on their own schedule, or never.
#   An API without a versioning scheme has only two choices when its
#   contract must change: break those clients, or never change. A version in
#   the URL, a header or the media type lets a new contract ship beside the
#   old one, so clients can move when they are ready and the old version can
#   be retired on a published schedule.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_service_architecture_api_contracts.html
#     description: REL03-BP03 Provide service contracts per API
#   - ref: https://google.aip.dev/185
#     description: Google API Improvement Proposals, AIP-185 API versioning
# custom:
#   id: PR102
#   severity: high
#   level: reactive
#   check: threshold
#   best_practices: [REL03-BP03]
#   frameworks:
#     production-readiness: api-design
#     well-architected: reliability
#   remediation: |-
#     Choose a versioning scheme (URL path, header, media type or package for
#     gRPC), make breaking changes only in a new version, and set
#     `apis[].versioning`.
#   applicability: The service offers a public or partner API (an API that does not state its exposure is treated as public).
#   example: |-
#     apis:
#       - name: orders
#         exposure: public
#         versioning: url
package archvet.rules.production_readiness.api_versioning

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
	api.versioning == "none"
	msg := sprintf("%s api %q has no versioning scheme", [object.get(api, "exposure", "public"), api.name])
	path := sprintf("apis[%d].versioning", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, api] in external_apis
	not api.versioning
	msg := sprintf("the design does not say how %s api %q tells its versions apart", [object.get(api, "exposure", "public"), api.name])
	path := sprintf("apis[%d].versioning", [i])
}

# METADATA
# title: Internal APIs authenticate their callers
# description: |-
#   A network perimeter is not an identity. Once anything inside it is
#   compromised, or a misconfigured route exposes it, an internal API that
#   trusts every caller hands over whatever it guards, and nobody can tell
#   which service made a request. Authenticating service-to-service calls,
#   either per API or with a platform-wide mechanism such as mTLS or
#   workload identity, limits the blast radius and makes calls traceable.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_transit_authentication.html
#     description: SEC09-BP03 Authenticate network communications
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa2-broken-authentication/
#     description: OWASP API Security Top 10, API2 Broken Authentication
# custom:
#   id: PR108
#   severity: high
#   level: proactive
#   check: reasoning
#   best_practices: [SEC09-BP03]
#   frameworks:
#     production-readiness: api-design
#     well-architected: security
#   remediation: |-
#     Authenticate internal callers with mTLS, signed service tokens or cloud
#     workload identity, either on each API (`apis[].authentication`) or for
#     all service-to-service traffic (`security.service_auth`).
#   applicability: The service offers at least one internal API.
#   example: |-
#     apis:
#       - name: admin
#         exposure: internal
#         authentication: mtls
package archvet.rules.production_readiness.api_authentication_internal

import rego.v1

import data.archvet.lib

internal_apis contains [i, api] if {
	some i, api in lib.apis
	object.get(api, "exposure", "") == "internal"
}

# Service-to-service authentication applied by the platform covers every
# internal API.
platform_auth if object.get(input, ["security", "service_auth"], "none") in {"mtls", "jwt", "iam"}

applicable if count(internal_apis) > 0

deny contains lib.finding(msg, path) if {
	input.security.service_auth == "none"
	some [i, api] in internal_apis
	api.authentication == "none"
	msg := sprintf("internal api %q does not authenticate its callers, nor do services authenticate one another", [api.name])
	path := sprintf("apis[%d].authentication", [i])
}

# Neither the API nor the platform is said to authenticate callers, and
# the design does not say both do not.
unanswered contains lib.finding(msg, path) if {
	some [i, api] in internal_apis
	not platform_auth
	not authenticates(api)
	not denied(api)
	msg := sprintf("the design does not say how callers of internal api %q, or services in general, are authenticated", [api.name])
	path := sprintf("apis[%d].authentication", [i])
}

authenticates(api) if not object.get(api, "authentication", "none") == "none"

denied(api) if {
	api.authentication == "none"
	input.security.service_auth == "none"
}

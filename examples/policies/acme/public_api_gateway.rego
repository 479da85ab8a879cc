# METADATA
# title: Public APIs are published through the ACME API gateway
# description: |-
#   Every API reachable from the internet goes through ACME's API gateway,
#   which imports the API's OpenAPI contract to validate requests and
#   verifies OAuth 2.0 or OpenID Connect tokens before a request reaches the
#   service. An API without a contract cannot be registered, and one with
#   another scheme bypasses the gateway's token checks and its audit log.
# related_resources:
#   - ref: https://handbook.acme.example/platform/api-gateway
#     description: ACME platform handbook, the API gateway
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa9-improper-inventory-management/
#     description: OWASP API9:2023 Improper Inventory Management
# custom:
#   id: ACME002
#   severity: high
#   level: reactive
#   frameworks:
#     production-readiness: api-design
#     well-architected: security
#   remediation: |-
#     Give each public API a machine-readable contract (`spec`) and register
#     it with the gateway, and authenticate callers with `oauth2` or `oidc`,
#     which the gateway verifies.
#   applicability: The service exposes at least one public API.
#   example: |-
#     apis:
#       - name: checkout-web
#         exposure: public
#         spec: api/checkout-web.openapi.yaml
#         authentication: oidc
package archvet.rules.acme.public_api_gateway

import rego.v1

import data.archvet.lib

gateway_schemes := {"oauth2", "oidc"}

public_apis contains [i, api] if {
	some i, api in lib.apis
	object.get(api, "exposure", "internal") == "public"
}

applicable if count(public_apis) > 0

deny contains lib.finding(msg, path) if {
	some [i, api] in public_apis
	object.get(api, "spec", "") == ""
	msg := sprintf("public API %q has no contract for the gateway to import", [api.name])
	path := sprintf("apis[%d].spec", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, api] in public_apis
	scheme := object.get(api, "authentication", "none")
	not scheme in gateway_schemes
	msg := sprintf("public API %q authenticates with %s, which the gateway does not verify (want oauth2 or oidc)", [api.name, scheme])
	path := sprintf("apis[%d].authentication", [i])
}

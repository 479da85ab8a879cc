# METADATA
# title: Every connection from outside is encrypted with TLS
# description: |-
#   Traffic from browsers, mobile apps and partners crosses networks the
#   service does not control. Without TLS, credentials, session tokens and
#   personal data can be read or altered by anyone on the path, and clients
#   cannot tell the real service from an impostor. Encryption has to cover
#   every external entry point, not only the main one.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_transit_encrypt.html
#     description: SEC09-BP02 Enforce encryption in transit
#   - ref: https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html
#     description: OWASP Transport Layer Security Cheat Sheet
# custom:
#   id: WA302
#   severity: high
#   level: reactive
#   check: presence
#   best_practices: [SEC09-BP02]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Terminate TLS at every external entry point (load balancer, API gateway,
#     CDN), redirect or refuse plain HTTP, and set `security.tls.external:
#     true`.
#   applicability: The service has a public or partner API, or web, mobile or partner clients.
#   example: |-
#     apis:
#       - name: storefront
#         exposure: public
#     security:
#       tls:
#         external: true
package archvet.rules.well_architected.sec_tls_external

import rego.v1

import data.archvet.lib

exposed_apis contains api.name if {
	some api in lib.apis
	object.get(api, "exposure", "") in {"public", "partner"}
}

external_clients contains client.name if {
	some client in object.get(input, ["service", "clients"], [])
	object.get(client, "kind", "") in {"web", "mobile", "partner"}
}

applicable if count(exposed_apis) + count(external_clients) > 0

entry_points := concat(", ", sort(exposed_apis | external_clients))

external := object.get(input, ["security", "tls", "external"], null)

deny contains lib.finding(msg, "security.tls.external") if {
	applicable
	external == false
	msg := sprintf("connections from outside (%s) are not all encrypted with tls", [entry_points])
}

unanswered contains lib.finding(msg, "security.tls.external") if {
	applicable
	external == null
	msg := sprintf("the design does not say whether connections from outside (%s) use tls", [entry_points])
}

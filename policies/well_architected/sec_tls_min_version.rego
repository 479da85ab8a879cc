# METADATA
# title: TLS 1.2 or later is the lowest version accepted
# description: |-
#   SSL and TLS 1.0 and 1.1 have known weaknesses and are deprecated by the
#   IETF; a server that still accepts them lets an attacker force a weak
#   handshake and undo the protection TLS was meant to give. Stating the
#   lowest accepted version makes the choice deliberate and testable, rather
#   than whatever a load balancer's default happens to be.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_transit_encrypt.html
#     description: SEC09-BP02 Enforce encryption in transit
#   - ref: https://datatracker.ietf.org/doc/html/rfc8996
#     description: RFC 8996, Deprecating TLS 1.0 and TLS 1.1
# custom:
#   id: WA303
#   severity: high
#   level: reactive
#   check: threshold
#   best_practices: [SEC09-BP02]
#   params:
#     min_tls_version:
#       description: lowest TLS version the service may accept
#       value: 1.2
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Configure listeners, gateways and service meshes to refuse anything below
#     TLS 1.2 (prefer 1.3 where clients allow it) and record it as
#     `security.tls.min_version: "1.2"` or `"1.3"`.
#   applicability: The service uses TLS somewhere or is reachable from outside.
#   example: |-
#     security:
#       tls:
#         external: true
#         internal: mtls
#         min_version: "1.2"
package archvet.rules.well_architected.sec_tls_min_version

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

tls := object.get(input, ["security", "tls"], {})

exposed if {
	some api in lib.apis
	object.get(api, "exposure", "") in {"public", "partner"}
}

applicable if object.get(tls, "external", false) == true

applicable if object.get(tls, "internal", "none") in {"tls", "mtls"}

applicable if exposed

# A YAML author who forgets the quotes writes a number (1.2); read both.
version := sprintf("%v", [tls.min_version])

unanswered contains lib.finding(msg, "security.tls.min_version") if {
	applicable
	not tls.min_version
	msg := "the design does not say which tls version is the lowest accepted"
}

deny contains lib.finding(msg, "security.tls.min_version") if {
	applicable
	to_number(version) < params.min_tls_version
	msg := sprintf("tls %s is still accepted; refuse anything below %v", [version, params.min_tls_version])
}

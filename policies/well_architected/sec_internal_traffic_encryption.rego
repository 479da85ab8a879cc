# METADATA
# title: Service-to-service traffic is encrypted
# description: |-
#   A private network is not a trusted one: a compromised neighbour, a
#   misrouted peering link or a curious insider can read plaintext traffic
#   inside it. Calls between services and to databases carry the same tokens
#   and personal data as external ones, so they need the same protection.
#   Encrypting internal hops also removes the temptation to treat the network
#   perimeter as the only line of defence.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_transit_encrypt.html
#     description: SEC09-BP02 Enforce encryption in transit
#   - ref: https://google.github.io/building-secure-and-reliable-systems/raw/ch05.html
#     description: Building Secure and Reliable Systems, chapter 5, Design for Least Privilege (zero trust networking)
# custom:
#   id: WA304
#   severity: high
#   level: proactive
#   check: threshold
#   best_practices: [SEC09-BP02]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Encrypt calls to other services and to data stores with TLS, or with
#     mutual TLS through a service mesh, and set `security.tls.internal` to
#     `tls` or `mtls`.
#   applicability: The service calls other services, uses data stores or offers APIs.
#   example: |-
#     dependencies:
#       - name: inventory
#     security:
#       tls:
#         internal: mtls
package archvet.rules.well_architected.sec_internal_traffic_encryption

import rego.v1

import data.archvet.lib

applicable if (count(lib.dependencies) + count(lib.data_stores)) + count(lib.apis) > 0

internal_tls := object.get(input, ["security", "tls", "internal"], "")

deny contains lib.finding(msg, "security.tls.internal") if {
	applicable
	internal_tls == "none"
	msg := "traffic between services and to data stores is not encrypted"
}

unanswered contains lib.finding(msg, "security.tls.internal") if {
	applicable
	internal_tls == ""
	msg := "the design does not say whether traffic between services and to data stores is encrypted"
}

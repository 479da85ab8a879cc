# METADATA
# title: Critical services authenticate the services they talk to
# description: |-
#   Encryption alone says nothing about who is on the other end. When
#   services accept any caller that can reach them, one compromised workload
#   can impersonate others and call anything on the network. Tier 0 and 1
#   services should prove identity on every hop, with mutual TLS, signed
#   workload tokens or the cloud provider's identity, so that access can be
#   granted per caller and revoked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_transit_authentication.html
#     description: SEC09-BP03 Authenticate network communications
#   - ref: https://google.github.io/building-secure-and-reliable-systems/raw/ch05.html
#     description: Building Secure and Reliable Systems, chapter 5, Design for Least Privilege
# custom:
#   id: WA305
#   severity: high
#   level: proactive
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Give every workload an identity and authenticate each call with it:
#     mutual TLS (for example through a service mesh), short-lived signed
#     tokens, or cloud IAM. Record it as `security.service_auth` (`mtls`,
#     `jwt` or `iam`), or set `security.tls.internal: mtls`.
#   applicability: Tier 0 and 1 services that offer APIs or call dependencies.
#   example: |-
#     apis:
#       - name: orders
#         exposure: internal
#     security:
#       service_auth: mtls
package archvet.rules.well_architected.sec_service_authentication

import rego.v1

import data.archvet.lib

applicable if {
	lib.critical
	count(lib.apis) + count(lib.dependencies) > 0
}

service_auth := lib.get(input, ["security", "service_auth"], "")

authenticated if service_auth in {"mtls", "jwt", "iam"}

authenticated if lib.get(input, ["security", "tls", "internal"], "") == "mtls"

deny contains lib.finding(msg, "security.service_auth") if {
	applicable
	not authenticated
	service_auth == "none"
	msg := sprintf("services do not authenticate one another, which a tier %d service needs", [lib.tier])
}

deny contains lib.finding(msg, "security.service_auth") if {
	applicable
	not authenticated
	service_auth == ""
	msg := "the design does not say how services authenticate one another"
}

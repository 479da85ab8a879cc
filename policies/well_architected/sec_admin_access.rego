# METADATA
# title: Engineers reach hosts only through a controlled access path
# description: |-
#   SSH or RDP open to the internet is brute-forced and exploited constantly,
#   and every engineer's key becomes a way into production. Routing
#   administrative access through an identity-aware proxy, a bastion or a VPN
#   ties each session to a person, allows multi-factor authentication and
#   leaves an audit trail; better still is needing no interactive access at
#   all.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_compute_reduce_manual_management.html
#     description: SEC06-BP03 Reduce manual management and interactive access
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_create_layers.html
#     description: SEC05-BP01 Create network layers
#   - ref: https://google.github.io/building-secure-and-reliable-systems/raw/ch03.html
#     description: Building Secure and Reliable Systems, chapter 3, Case Study - Safe Proxies
# custom:
#   id: WA310
#   severity: high
#   level: reactive
#   check: threshold
#   best_practices: [SEC06-BP03, SEC05-BP01]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Close SSH and admin ports to the internet and reach hosts through an SSO
#     proxy (for example AWS Systems Manager Session Manager or IAP), a bastion
#     or a VPN; set `security.admin_access` to `sso-proxy`, `bastion`, `vpn`,
#     or `none` when nobody logs in to hosts.
#   applicability: Every service; on serverless and PaaS platforms an unstated access path is not reported.
#   example: |-
#     security:
#       admin_access: sso-proxy
package archvet.rules.well_architected.sec_admin_access

import rego.v1

import data.archvet.lib

access := object.get(input, ["security", "admin_access"], "")

hostless if object.get(input, ["deployment", "platform"], "") in {"serverless", "paas"}

deny contains lib.finding(msg, "security.admin_access") if {
	access == "public-ssh"
	msg := "engineers reach hosts over ssh exposed to the internet"
}

unanswered contains lib.finding(msg, "security.admin_access") if {
	access == ""
	not hostless
	msg := "the design does not say how engineers reach hosts and admin ports"
}

# METADATA
# title: Network rules allow only the traffic the service needs
# description: |-
#   Flat networks let an attacker who lands on one workload reach every
#   database and admin port around it. Security groups, network policies or
#   ACLs that allow only the expected callers, ports and destinations keep a
#   compromise contained and make unexpected connections fail loudly instead
#   of silently succeeding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_layered.html
#     description: SEC05-BP02 Control traffic flow within your network layers
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_create_layers.html
#     description: SEC05-BP01 Create network layers
# custom:
#   id: WA311
#   severity: medium
#   level: reactive
#   check: presence
#   best_practices: [SEC05-BP02, SEC05-BP01]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Deny by default and allow only the callers, ports and egress
#     destinations the service needs, with security groups, Kubernetes network
#     policies or firewall rules kept in code; then set
#     `security.network_acls: true`.
#   applicability: Every service.
#   example: |-
#     security:
#       network_acls: true
package archvet.rules.well_architected.sec_network_acls

import rego.v1

import data.archvet.lib

acls := object.get(input, ["security", "network_acls"], null)

deny contains lib.finding(msg, "security.network_acls") if {
	acls == false
	msg := "network traffic to and from the service is not restricted to what it needs"
}

unanswered contains lib.finding(msg, "security.network_acls") if {
	acls == null
	msg := "the design does not say whether network rules restrict traffic to what the service needs"
}

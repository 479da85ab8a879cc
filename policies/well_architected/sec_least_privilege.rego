# METADATA
# title: The service's identity holds only the permissions it needs
# description: |-
#   Whatever the service's role or service account may do, an attacker who
#   takes over the service may do too, and so may a bug. Broad grants such as
#   administrator roles or wildcard actions turn a single injection flaw into
#   a full account compromise. Scoping permissions to the actions and
#   resources the service really uses keeps the blast radius of both
#   mistakes and attacks small.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_permissions_least_privileges.html
#     description: SEC03-BP02 Grant least privilege access
#   - ref: https://google.github.io/building-secure-and-reliable-systems/raw/ch05.html
#     description: Building Secure and Reliable Systems, chapter 5, Design for Least Privilege
# custom:
#   id: WA308
#   severity: high
#   level: reactive
#   check: presence
#   best_practices: [SEC03-BP02]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Give the service its own identity, grant only the actions and resources
#     it uses (start from access logs or an access analyzer), remove wildcard
#     and administrator grants, and set `security.least_privilege: true`.
#   applicability: Every service.
#   example: |-
#     security:
#       least_privilege: true
package archvet.rules.well_architected.sec_least_privilege

import rego.v1

import data.archvet.lib

least_privilege := object.get(input, ["security", "least_privilege"], null)

deny contains lib.finding(msg, "security.least_privilege") if {
	least_privilege == false
	msg := "the service's identity has more permissions than it needs"
}

unanswered contains lib.finding(msg, "security.least_privilege") if {
	least_privilege == null
	msg := "the design does not say whether the service's identity is limited to the permissions it needs"
}

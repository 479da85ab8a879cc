# METADATA
# title: Secrets are rotated within a limit that tightens with the tier
# description: |-
#   Every long-lived credential will eventually leak, through a log line, a
#   laptop, a departed colleague or a vendor breach. Regular rotation caps
#   how long a leaked secret stays useful and proves that rotation works
#   before it is needed in an emergency. Ninety days is the longest interval
#   for production services; prototypes may stretch it to a year.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_identities_audit.html
#     description: SEC02-BP05 Audit and rotate credentials periodically
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_identities_secrets.html
#     description: SEC02-BP03 Store and use secrets securely
# custom:
#   id: WA307
#   severity: medium
#   level: proactive
#   check: threshold
#   best_practices: [SEC02-BP05, SEC02-BP03]
#   params:
#     max_rotation_days:
#       description: longest time a secret may live before it is rotated
#       tiers: [30, 60, 90, 365]
#   frameworks:
#     well-architected: security
#     production-readiness: security
#   remediation: |-
#     Automate rotation in the secrets manager (or use short-lived, dynamically
#     issued credentials), make the service pick up new values without a
#     redeploy, and record the longest interval in
#     `config.secrets.rotation_days` (90 or less; 0 for dynamic credentials).
#   applicability: The service keeps secrets (the secrets store is not none).
#   example: |-
#     config:
#       secrets:
#         store: vault
#         rotation_days: 30
package archvet.rules.well_architected.sec_secret_rotation

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if object.get(input, ["config", "secrets", "store"], "") != "none"

limit := params.max_rotation_days

rotation := object.get(input, ["config", "secrets", "rotation_days"], null)

unanswered contains lib.finding(msg, "config.secrets.rotation_days") if {
	applicable
	rotation == null
	msg := "the design does not say how often secrets are rotated"
}

deny contains lib.finding(msg, "config.secrets.rotation_days") if {
	applicable
	rotation > limit
	msg := sprintf("secrets are rotated every %v days; rotate them at least every %d days", [rotation, limit])
}

# METADATA
# title: People reach production with MFA and time-limited grants, and break-glass use is alerted
# description: |-
#   Most damaging access to production is human: a phished engineer, a
#   shared admin account, a permanent grant nobody remembers. Access should
#   need a second factor and be granted for a task and a time rather than
#   held forever. When normal access fails during an incident, an emergency
#   (break-glass) path must exist, and because it bypasses the usual checks,
#   every use of it must alert the security team and leave a trail in the
#   audit log, or it becomes the quiet way around every control.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_permissions_emergency_process.html
#     description: SEC03-BP03 Establish emergency access process
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_identities_enforce_mechanisms.html
#     description: SEC02-BP01 Use strong sign-in mechanisms
# custom:
#   id: PR521
#   severity: high
#   tier_severity: [high, high, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [SEC03-BP03, SEC02-BP01]
#   frameworks:
#     production-readiness: security
#     well-architected: security
#   remediation: |-
#     Require MFA for every human access to production
#     (`security.operator_access.mfa: true`), replace standing write access
#     with just-in-time grants (`standing_access: false`), document a
#     break-glass procedure (`break_glass: true`) whose every use pages the
#     security team (`break_glass_alerts: true`), and write those uses to the
#     audit log (`security.audit_logging: true`).
#   applicability: Services of tier 0 and 1.
#   example: |-
#     security:
#       audit_logging: true
#       operator_access:
#         mfa: true
#         standing_access: false
#         break_glass: true
#         break_glass_alerts: true
package archvet.rules.production_readiness.security_operator_access

import rego.v1

import data.archvet.lib

applicable if lib.critical

access := object.get(input, ["security", "operator_access"], {})

# A stated value that is wrong, and what it means.
wrong := {
	"mfa": [false, "people reach production without a second factor"],
	"standing_access": [true, "engineers hold permanent write access to production"],
	"break_glass": [false, "there is no emergency access path for when normal access fails"],
	"break_glass_alerts": [false, "break-glass access can be used without anyone being alerted"],
}

deny contains lib.finding(msg, path) if {
	applicable
	some field, [bad, words] in wrong
	access[field] == bad
	msg := sprintf("%s, which a tier %d service cannot accept", [words, lib.tier])
	path := sprintf("security.operator_access.%s", [field])
}

# Break-glass access that leaves no trail.
deny contains lib.finding(msg, "security.audit_logging") if {
	applicable
	access.break_glass == true
	object.get(input, ["security", "audit_logging"], null) == false
	msg := "a break-glass path exists but security actions are not audit-logged, so its use leaves no trail"
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some field, _ in wrong
	object.get(access, field, null) == null
	not skipped(field)
	msg := sprintf("the design does not say %s", [question[field]])
	path := sprintf("security.operator_access.%s", [field])
}

skipped("break_glass_alerts") if access.break_glass == false

question := {
	"mfa": "whether human access to production requires multi-factor authentication",
	"standing_access": "whether engineers hold standing write access to production",
	"break_glass": "whether an emergency (break-glass) access procedure exists",
	"break_glass_alerts": "whether break-glass use alerts the security team",
}

# METADATA
# title: A rehearsed security incident playbook exists, and the audit trail it relies on is kept
# description: |-
#   A breach is not an outage: the first hours go to containing an attacker,
#   preserving evidence and deciding whom to notify, and a team that has
#   never done it improvises all three. A written playbook says who decides,
#   how access is cut, how evidence is kept and when regulators or customers
#   are told, and an exercise shows it works before an attacker tests it.
#   Investigation needs a record of who did what: a playbook without audit
#   logs has nothing to investigate.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_incident_response_develop_management_plans.html
#     description: SEC10-BP02 Develop incident management plans
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_incident_response_prepare_forensic.html
#     description: SEC10-BP03 Prepare forensic capabilities
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_incident_response_run_game_days.html
#     description: SEC10-BP07 Run simulations
#   - ref: https://csrc.nist.gov/pubs/sp/800/61/r3/final
#     description: NIST SP 800-61, Incident Response Recommendations
# custom:
#   id: WA402
#   severity: high
#   level: proactive
#   check: reasoning
#   best_practices: [SEC10-BP02, SEC10-BP03, SEC10-BP07]
#   params:
#     max_exercise_age_days:
#       description: longest time since the last security incident exercise
#       tiers: [180, 365, 365, 730]
#   frameworks:
#     well-architected: security
#     production-readiness: incident-response
#   remediation: |-
#     Write a security incident playbook for the service (containment,
#     evidence, notification, recovery) and link it as
#     `security.incident_response.playbook`. Rehearse it in a tabletop or
#     simulation within the tier's interval and record the date in
#     `security.incident_response.last_exercise`. Keep audit logs
#     (`security.audit_logging: true`) so that an incident can be
#     investigated.
#   applicability: Production services of tier 0 to 2.
#   example: |-
#     security:
#       audit_logging: true
#       incident_response:
#         playbook: docs/security-incident.md
#         last_exercise: 2026-09-01
package archvet.rules.well_architected.sec_incident_response

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

day_ns := ((24 * 60) * 60) * 1000000000

applicable if {
	lib.tier <= 2
	lib.production
}

response := object.get(input, ["security", "incident_response"], {})

playbook := trim_space(object.get(response, "playbook", ""))

exercised := object.get(response, "last_exercise", "")

deny contains lib.finding(msg, "security.incident_response.last_exercise") if {
	applicable
	exercised != ""
	age := (time.now_ns() - time.parse_ns("2006-01-02", exercised)) / day_ns
	age > params.max_exercise_age_days
	msg := sprintf("the security incident playbook was last rehearsed on %s, more than %v days ago", [exercised, params.max_exercise_age_days])
}

# Forensics reads the audit trail: a playbook that cannot rely on one
# investigates nothing.
deny contains lib.finding(msg, "security.audit_logging") if {
	applicable
	playbook != ""
	object.get(input, ["security", "audit_logging"], null) == false
	msg := "the security incident playbook has no audit log to investigate: security-relevant actions are not recorded"
}

unanswered contains lib.finding(msg, "security.incident_response.playbook") if {
	applicable
	playbook == ""
	msg := "the design does not link a playbook for security incidents"
}

unanswered contains lib.finding(msg, "security.incident_response.last_exercise") if {
	applicable
	exercised == ""
	msg := "the design does not say when the security incident playbook was last rehearsed"
}

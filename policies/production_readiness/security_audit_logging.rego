# METADATA
# title: Services handling personal or confidential data keep an audit log
# description: |-
#   When personal or confidential data is involved, the question after an
#   incident is not only what broke but who read or changed what, and when.
#   Application logs rarely answer that: they are sampled, rotated and
#   editable by the same people they should be recording. A dedicated audit
#   log of security-relevant actions (logins, permission changes, data
#   exports, admin operations), kept tamper-resistant, makes investigation
#   and breach notification possible.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_detect_investigate_events_app_service_logging.html
#     description: SEC04-BP01 Configure service and application logging
#   - ref: https://google.github.io/building-secure-and-reliable-systems/raw/ch15.html
#     description: Building Secure and Reliable Systems, chapter 15, Investigating Systems
# custom:
#   id: PR501
#   best_practices: [SEC04-BP01]
#   severity: high
#   check: presence
#   level: proactive
#   params:
#     sensitive_classes:
#       description: data classifications (public, internal, confidential, restricted) treated as sensitive
#       value: [confidential, restricted]
#   frameworks:
#     production-readiness: security
#     well-architected: security
#   remediation: |-
#     Write security-relevant actions (authentication, authorisation changes,
#     reads and exports of sensitive records, admin operations) to an
#     append-only audit log stored apart from the service, with restricted
#     access and its own retention, and set `security.audit_logging: true`.
#   applicability: The service handles personal data, or data classified confidential or restricted (at service or store level).
#   example: |-
#     data:
#       pii: true
#       classification: confidential
#     security:
#       audit_logging: true
package archvet.rules.production_readiness.security_audit_logging

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

sensitive_classes := params.sensitive_classes

applicable if input.data.pii == true

applicable if object.get(input, ["data", "classification"], "") in sensitive_classes

applicable if {
	some store in lib.data_stores
	store.contains_pii == true
}

applicable if {
	some store in lib.data_stores
	object.get(store, "classification", "") in sensitive_classes
}

audit := object.get(input, ["security", "audit_logging"], null)

deny contains lib.finding(msg, "security.audit_logging") if {
	applicable
	audit == false
	msg := "the service handles personal or confidential data but keeps no audit log of security-relevant actions"
}

unanswered contains lib.finding(msg, "security.audit_logging") if {
	applicable
	audit == null
	msg := "the design does not say whether security-relevant actions on personal or confidential data are audit-logged"
}

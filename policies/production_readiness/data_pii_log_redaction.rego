# METADATA
# title: Personal data is redacted before logs leave the process
# description: |-
#   Logs are copied to collectors, vendors, dashboards and support tickets,
#   kept for months and read by far more people than the database they came
#   from. Personal data written into them escapes every control placed on
#   the primary store, including retention and erasure. Redacting or
#   tokenising personal fields at the point of logging keeps logs useful for
#   debugging without turning them into a second, unprotected copy of the
#   data.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_data_classification_define_protection.html
#     description: SEC07-BP02 Apply data protection controls based on data sensitivity
#   - ref: https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html
#     description: OWASP Logging Cheat Sheet (data to exclude)
# custom:
#   id: PR515
#   best_practices: [SEC07-BP02]
#   severity: high
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: data-governance
#     well-architected: security
#   remediation: |-
#     Redact, mask or tokenise personal fields in the logging library or a
#     log processor inside the service (structured logging with an allow-list
#     of fields helps), test it, and set
#     `observability.logging.pii_redaction: true`.
#   applicability: The service handles personal data (data.pii or any store with contains_pii).
#   example: |-
#     data:
#       pii: true
#     observability:
#       logging:
#         pii_redaction: true
package archvet.rules.production_readiness.data_pii_log_redaction

import rego.v1

import data.archvet.lib

applicable if object.get(input, ["data", "pii"], false) == true

applicable if {
	some store in lib.data_stores
	object.get(store, "contains_pii", false) == true
}

redaction := object.get(input, ["observability", "logging", "pii_redaction"], null)

deny contains lib.finding(msg, "observability.logging.pii_redaction") if {
	applicable
	redaction == false
	msg := "the service handles personal data but does not redact it from logs"
}

unanswered contains lib.finding(msg, "observability.logging.pii_redaction") if {
	applicable
	redaction == null
	msg := "the design does not say whether personal data is redacted from logs"
}

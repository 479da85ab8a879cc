# METADATA
# title: Personal data is redacted from logs
# description: |-
#   Logs are copied widely: to the log store, to backups, to vendors, to the
#   laptops of engineers debugging an incident, and they are usually kept
#   under weaker access control and longer than the primary data. A service
#   that handles personal data will eventually log some of it (a request
#   body, an error message with an email address) unless redaction happens
#   before lines leave the process. Unredacted logs also make erasure
#   requests practically impossible to honour.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_data_classification_define_protection.html
#     description: SEC07-BP02 Define data protection controls
#   - ref: https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html
#     description: OWASP Logging Cheat Sheet (data to exclude from logs)
# custom:
#   id: PR417
#   severity: high
#   level: reactive
#   frameworks:
#     production-readiness: observability
#     well-architected: security
#   remediation: |-
#     Add a redaction step to the logger (an allow-list of fields, or masking
#     of the known personal fields in `data.pii_fields`), never log raw
#     request or response bodies, and test it. Set
#     `observability.logging.pii_redaction: true`.
#   applicability: Services that handle personal data (data.pii, data.pii_fields or a store that contains PII).
#   example: |-
#     data:
#       pii: true
#       pii_fields: [email, phone]
#     observability:
#       logging:
#         pii_redaction: true
package archvet.rules.production_readiness.obs_log_pii_redaction

import rego.v1

import data.archvet.lib

applicable if object.get(input, ["data", "pii"], false) == true

applicable if count(object.get(input, ["data", "pii_fields"], [])) > 0

applicable if {
	some store in lib.data_stores
	object.get(store, "contains_pii", false) == true
}

redaction := object.get(input, ["observability", "logging", "pii_redaction"], null)

deny contains lib.finding(msg, "observability.logging.pii_redaction") if {
	redaction == null
	msg := "the service handles personal data but the design does not say whether it is redacted from logs"
}

deny contains lib.finding(msg, "observability.logging.pii_redaction") if {
	redaction == false
	msg := "the service handles personal data and does not redact it from logs"
}

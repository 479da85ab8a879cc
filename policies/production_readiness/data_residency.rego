# METADATA
# title: Services handling personal data declare where it may be stored
# description: |-
#   Many jurisdictions restrict where personal data may be stored or sent,
#   and contracts often add their own limits. If the design does not say
#   which regions are allowed, a new replica, backup copy or disaster
#   recovery region can quietly move data somewhere it may not go. Declaring
#   the permitted regions makes residency a constraint every later change is
#   checked against.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_data_classification_define_protection.html
#     description: SEC07-BP02 Apply data protection controls based on data sensitivity
#   - ref: https://gdpr-info.eu/chapter-5/
#     description: GDPR Chapter 5, Transfers of personal data to third countries
# custom:
#   id: PR514
#   severity: medium
#   level: proactive
#   frameworks:
#     production-readiness: data-governance
#     well-architected: security
#   remediation: |-
#     Agree with legal which regions may hold the personal data, list them in
#     `data.residency`, and keep deployment regions, replicas and cross-region
#     backups inside that list.
#   applicability: The service handles personal data (data.pii or any store with contains_pii).
#   example: |-
#     data:
#       pii: true
#       residency: [eu-west-1, eu-central-1]
package archvet.rules.production_readiness.data_residency

import rego.v1

import data.archvet.lib

applicable if lib.get(input, ["data", "pii"], false) == true

applicable if {
	some store in lib.data_stores
	lib.get(store, "contains_pii", false) == true
}

deny contains lib.finding(msg, "data.residency") if {
	applicable
	count(lib.get(input, ["data", "residency"], [])) == 0
	msg := "the service handles personal data but the design does not say in which regions it may be stored"
}

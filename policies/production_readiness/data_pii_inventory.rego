# METADATA
# title: Personal data is declared, listed field by field and located
# description: |-
#   Privacy obligations (access and erasure requests, breach notification,
#   records of processing) start from knowing whether a service handles
#   personal data, which fields, and where they are stored. A vague yes or
#   an unstated answer means nobody can say what leaked or what to delete.
#   The service-level declaration and the per-store flags must also agree:
#   a store that holds personal data in a service that claims to hold none
#   is a gap in the inventory.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_data_classification_identify_data.html
#     description: SEC07-BP01 Understand your data classification scheme
#   - ref: https://gdpr-info.eu/art-30-gdpr/
#     description: GDPR Article 30, Records of processing activities
# custom:
#   id: PR511
#   best_practices: [SEC07-BP01]
#   severity: medium
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: data-governance
#     well-architected: security
#   remediation: |-
#     Set `data.pii` to true or false. When true, list the personal fields in
#     `data.pii_fields` (for example email, postal_address, date_of_birth) and
#     set `contains_pii` on every data store, so that each field can be traced
#     to the stores that hold it.
#   applicability: Every service; the field list and per-store flags apply when the service handles personal data.
#   example: |-
#     data:
#       pii: true
#       pii_fields: [email, name, shipping_address]
#     data_stores:
#       - name: customers
#         contains_pii: true
#       - name: catalog
#         contains_pii: false
package archvet.rules.production_readiness.data_pii_inventory

import rego.v1

import data.archvet.lib

pii := object.get(input, ["data", "pii"], null)

unanswered contains lib.finding(msg, "data.pii") if {
	pii == null
	msg := "the design does not say whether the service handles personal data"
}

unanswered contains lib.finding(msg, "data.pii_fields") if {
	pii == true
	object.get(input, ["data", "pii_fields"], null) == null
	msg := "the service handles personal data but the design does not list which fields"
}

unanswered contains lib.finding(msg, sprintf("data_stores[%d].contains_pii", [i])) if {
	pii == true
	some i, store in lib.data_stores
	object.get(store, "contains_pii", null) == null
	msg := sprintf("the design does not say whether store %q holds personal data", [store.name])
}

deny contains lib.finding(msg, "data.pii") if {
	pii == false
	some store in lib.data_stores
	object.get(store, "contains_pii", false) == true
	msg := sprintf("store %q holds personal data, but the service declares that it handles none", [store.name])
}

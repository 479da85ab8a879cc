# METADATA
# title: The service and each of its data stores declare a data classification
# description: |-
#   Encryption, access control, logging, retention and residency rules all
#   depend on how sensitive the data is, and none of them can be decided
#   until someone says so. Classifying the service as a whole (by the most
#   sensitive data it touches) and each store on its own lets controls be
#   matched to the data instead of applied everywhere or nowhere. A store
#   more sensitive than the service claims to be shows the classification is
#   out of date.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_data_classification_identify_data.html
#     description: SEC07-BP01 Understand your data classification scheme
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_data_classification_define_protection.html
#     description: SEC07-BP02 Apply data protection controls based on data sensitivity
# custom:
#   id: PR510
#   best_practices: [SEC07-BP01, SEC07-BP02]
#   severity: medium
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: data-governance
#     well-architected: security
#   remediation: |-
#     Classify the data using the organisation's scheme (public, internal,
#     confidential, restricted): set `data.classification` to the highest
#     class the service handles and `data_stores[].classification` for every
#     store, and keep the two consistent.
#   applicability: Every service; the per-store checks apply to each declared data store.
#   example: |-
#     data:
#       classification: confidential
#     data_stores:
#       - name: orders
#         classification: confidential
#       - name: catalog
#         classification: public
package archvet.rules.production_readiness.data_classification

import rego.v1

import data.archvet.lib

rank := {"public": 0, "internal": 1, "confidential": 2, "restricted": 3}

service_class := object.get(input, ["data", "classification"], "")

unanswered contains lib.finding(msg, "data.classification") if {
	service_class == ""
	msg := "the design does not classify the data the service handles"
}

unanswered contains lib.finding(msg, sprintf("data_stores[%d].classification", [i])) if {
	some i, store in lib.data_stores
	object.get(store, "classification", "") == ""
	msg := sprintf("the design does not say how the data in store %q is classified", [store.name])
}

# Personal data is never public.
deny contains lib.finding(msg, sprintf("data_stores[%d].classification", [i])) if {
	some i, store in lib.data_stores
	store.contains_pii == true
	store.classification == "public"
	msg := sprintf("store %q holds personal data but is classified public", [store.name])
}

deny contains lib.finding(msg, sprintf("data_stores[%d].classification", [i])) if {
	some i, store in lib.data_stores
	store_class := object.get(store, "classification", "")
	rank[store_class] > rank[service_class]
	msg := sprintf("store %q holds %s data, but the service declares %s as the highest class it handles", [store.name, store_class, service_class])
}

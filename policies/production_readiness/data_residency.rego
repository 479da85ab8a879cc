# METADATA
# title: Personal data stays in the regions its residency allows, replicas and backups included
# description: |-
#   Many jurisdictions restrict where personal data may be stored or sent,
#   and contracts often add their own limits. If the design does not say
#   which regions are allowed, a new replica, backup copy or disaster
#   recovery region can quietly move data somewhere it may not go. Declaring
#   the permitted regions makes residency a constraint every later change is
#   checked against, and the design must keep to it: every deployment region,
#   every region holding a replica and every region holding a backup copy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_data_classification_define_protection.html
#     description: SEC07-BP02 Apply data protection controls based on data sensitivity
#   - ref: https://gdpr-info.eu/chapter-5/
#     description: GDPR Chapter 5, Transfers of personal data to third countries
# custom:
#   id: PR514
#   severity: medium
#   tier_severity: [high, high, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [SEC07-BP02]
#   frameworks:
#     production-readiness: data-governance
#     well-architected: security
#   remediation: |-
#     Agree with legal which regions may hold the personal data and list them
#     in `data.residency` (a region such as `eu-west-1`, or an area such as
#     `eu` that covers `eu-*` and `europe-*` regions). Keep
#     `deployment.regions`, `replication.regions` and `backups.regions` of
#     every personal-data store inside that list, and name the regions of
#     every cross-region copy.
#   applicability: The service handles personal data (data.pii or any store with contains_pii).
#   example: |-
#     data:
#       pii: true
#       residency: [eu]
#     deployment:
#       regions: [eu-west-1, eu-central-1]
#     data_stores:
#       - name: users
#         contains_pii: true
#         replication:
#           cross_region: true
#           regions: [eu-central-1]
#         backups:
#           cross_region: true
#           regions: [eu-central-1]
package archvet.rules.production_readiness.data_residency

import rego.v1

import data.archvet.lib

applicable if object.get(input, ["data", "pii"], false) == true

applicable if {
	some store in lib.data_stores
	object.get(store, "contains_pii", false) == true
}

residency := object.get(input, ["data", "residency"], null)

deployment_regions := object.get(input, ["deployment", "regions"], [])

# Provider spellings of an area beyond "<area>-", for example GCP's
# europe-west1 for eu.
area_prefixes := {"eu": ["europe-"], "us": ["northamerica-"]}

allowed(region) if region in residency

allowed(region) if {
	some area in residency
	startswith(region, concat("", [area, "-"]))
}

allowed(region) if {
	some area in residency
	some prefix in object.get(area_prefixes, area, [])
	startswith(region, prefix)
}

pii_stores contains [i, store] if {
	some i, store in lib.data_stores
	object.get(store, "contains_pii", false) == true
}

pii_stores contains [i, store] if {
	object.get(input, ["data", "pii"], false) == true
	some [i, store] in lib.durable_stores
	not object.get(store, "contains_pii", null) == false
}

copies := {"replication": "replicas", "backups": "backup copies"}

deny contains lib.finding(msg, "data.residency") if {
	applicable
	residency == []
	msg := "the service handles personal data but the design allows it in no region at all"
}

# R1 and bug 19: EU-only data deployed in us-east-1.
deny contains lib.finding(msg, path) if {
	applicable
	is_array(residency)
	count(residency) > 0
	some j, region in deployment_regions
	not allowed(region)
	msg := sprintf("the service runs in %s, outside the regions its personal data may be stored in (%s)", [region, concat(", ", residency)])
	path := sprintf("deployment.regions[%d]", [j])
}

deny contains lib.finding(msg, path) if {
	applicable
	is_array(residency)
	count(residency) > 0
	some [i, store] in pii_stores
	some section, words in copies
	some j, region in object.get(store, [section, "regions"], [])
	not allowed(region)
	msg := sprintf("%s of data store %q are kept in %s, outside the allowed regions (%s)", [words, store.name, region, concat(", ", residency)])
	path := sprintf("data_stores[%d].%s.regions[%d]", [i, section, j])
}

unanswered contains lib.finding(msg, "data.residency") if {
	applicable
	residency == null
	msg := "the service handles personal data but the design does not say in which regions it may be stored"
}

unanswered contains lib.finding(msg, path) if {
	applicable
	is_array(residency)
	count(residency) > 0
	some [i, store] in pii_stores
	some section, words in copies
	object.get(store, [section, "cross_region"], false) == true
	object.get(store, [section, "regions"], null) == null
	msg := sprintf(
		"the design does not say which regions hold the cross-region %s of data store %q, so residency cannot be checked",
		[words, store.name],
	)
	path := sprintf("data_stores[%d].%s.regions", [i, section])
}

# R: a design that says it handles personal data but lists no data stores
# does not say where that data is kept.
unanswered contains lib.finding(msg, "data_stores") if {
	applicable
	not "data_stores" in object.keys(input)
	msg := "the design does not say which data stores hold the personal data, so residency cannot be checked"
}

unanswered contains lib.finding(msg, "deployment.regions") if {
	applicable
	is_array(residency)
	count(residency) > 0
	object.get(input, ["deployment", "regions"], null) == null
	msg := "the design does not say in which regions the service runs, so residency cannot be checked"
}

unanswered contains lib.finding(msg, path) if {
	applicable
	is_array(residency)
	count(residency) > 0
	some [i, store] in pii_stores
	object.get(store, ["backups", "cross_region"], null) == null
	object.get(store, ["backups", "regions"], null) == null
	msg := sprintf(
		"the design does not say whether the backup copies of data store %q leave the region, so residency cannot be checked",
		[object.get(store, "name", i)],
	)
	path := sprintf("data_stores[%d].backups.cross_region", [i])
}

# METADATA
# title: The backups a review claims for a data store are the backups its Terraform configures
# description: |-
#   A review that says a store is backed up, keeps 35 days of backups and
#   can be restored to a point in time is believed by every backup rule of
#   the catalogue. The promise is kept by the infrastructure, not by the
#   review: a database created with a backup retention of zero has no
#   automated backups and no point-in-time recovery, whatever the review
#   says, and the gap is found during the restore that fails. This rule
#   holds the review's backup claims against the Terraform of the store
#   (matched by name): the retention it keeps, its point-in-time recovery,
#   and the versioning of an object bucket.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_automated_backups_data.html
#     description: REL09-BP03 Perform data backup automatically
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_identified_backups_data.html
#     description: REL09-BP01 Identify and back up all data that needs to be backed up, or reproduce the data from sources
#   - ref: https://sre.google/sre-book/data-integrity/
#     description: Google SRE book, Data Integrity
# custom:
#   id: CL001
#   best_practices: [REL09-BP03, REL09-BP01]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: backup-and-recovery
#     well-architected: reliability
#   remediation: |-
#     Make the review and the infrastructure say the same thing. Either set
#     the store's backup retention (`backup_retention_period`,
#     `point_in_time_recovery`, bucket versioning) in Terraform to what the
#     review promises, or correct `data_stores[].backups` to what is really
#     configured, so that the backup and recovery rules judge the truth.
#   applicability: |-
#     Reviews whose data stores state `backups.enabled`, `retention_days` or
#     `point_in_time`. Without Terraform for the store the claims stay
#     unverified.
#     It applies only when the review has Terraform among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         backups:
#           enabled: true
#           retention_days: 35
#           point_in_time: true
package archvet.rules.claims.backups

import rego.v1

import data.archvet.lib

stated contains [sprintf("data_stores[%d].backups.%s", [i, field]), claimed] if {
	some i, store in lib.data_stores
	some field in ["enabled", "retention_days", "point_in_time"]
	claimed := lib.get(store, ["backups", field], null)
	claimed != null
}

# Without terraform in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("terraform")
	count(stated) > 0
}

# The facts that speak to each claim, with the store's resource. Point-in-
# time recovery of a relational database is read from its retention when
# the resource says nothing more direct: RDS restores to a point in time
# from retained backups and logs.
evidence contains {"path": path, "field": field, "claimed": claimed, "resource": r, "key": key, "fact": fact} if {
	some i, store in lib.data_stores
	some field, keys in {
		"enabled": ["backup_retention_days", "backups_enabled", "versioning"],
		"retention_days": ["backup_retention_days"],
		"point_in_time": ["point_in_time", "backup_retention_days"],
	}
	claimed := lib.get(store, ["backups", field], null)
	claimed != null
	some r in lib.store_resources(store)
	some key in keys
	fact := r.facts[key]
	not redundant(field, key, r)
	path := sprintf("data_stores[%d].backups.%s", [i, field])
}

# A fact the reader derived from the retention (at the retention's
# position) is read as the retention itself, whose message says why.
derived(key, r) if r.facts[key].at == r.facts.backup_retention_days.at

redundant(_, key, r) if {
	key in {"backups_enabled", "point_in_time"}
	derived(key, r)
}

# Retention stands in for point-in-time recovery only when the resource
# has no point-in-time fact of its own.
redundant("point_in_time", "backup_retention_days", r) if {
	r.facts.point_in_time
	not derived("point_in_time", r)
}

# compared is what the rule compares: [what the resource shows, what the
# review says], in the same terms.
compared(e) := [kept, e.claimed] if {
	e.field in {"enabled", "point_in_time"}
	e.key == "backup_retention_days"
	is_number(e.fact.value)
	kept := e.fact.value > 0
}

compared(e) := [long_enough, true] if {
	e.field == "retention_days"
	is_number(e.fact.value)
	long_enough := e.fact.value >= e.claimed
}

compared(e) := [e.fact.value, e.claimed] if e.key in {"versioning", "point_in_time", "backups_enabled"}

observed(e) := sprintf("keeps automated backups for %v days", [lib.shown(e.fact)]) if e.key == "backup_retention_days"

observed(e) := sprintf("sets point-in-time recovery to %v", [lib.shown(e.fact)]) if e.key == "point_in_time"

observed(e) := sprintf("sets versioning to %v", [lib.shown(e.fact)]) if e.key == "versioning"

observed(e) := sprintf("sets automated backups to %v", [lib.shown(e.fact)]) if e.key == "backups_enabled"

reason(e) := " (point-in-time recovery needs a retention above 0)" if {
	e.field == "point_in_time"
	e.key == "backup_retention_days"
} else := ""

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %v, but %s %s%s", [e.path, e.claimed, e.resource.address, observed(e), reason(e)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

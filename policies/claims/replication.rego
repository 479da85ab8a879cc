# METADATA
# title: The replicas a review claims for a data store are the replicas its Terraform creates
# description: |-
#   Whether a store survives the loss of a zone or a region is decided by
#   how it is provisioned: a database without a standby in another zone
#   goes down with its zone, and a cache group with no replicas loses its
#   data on the first node failure. A review that claims multi-AZ
#   replication or a cross-region replica passes the availability and
#   disaster-recovery rules on its word alone. This rule holds those claims
#   against the store's Terraform (matched by name): its multi-AZ setting,
#   its replica count and its cross-region replica.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_disaster_recovery.html
#     description: REL13-BP02 Use defined recovery strategies to meet the recovery objectives
# custom:
#   id: CL002
#   best_practices: [REL10-BP01, REL13-BP02]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Provision what the review promises (`multi_az = true`, a replica count
#     above zero, a replica or global cluster in the second region), or
#     correct `data_stores[].replication` to what is really deployed, so
#     that the availability and recovery rules judge the truth.
#   applicability: |-
#     Reviews whose data stores state `replication.mode`, `multi_az` or
#     `cross_region`. Without Terraform for the store the claims stay
#     unverified.
#     It applies only when the review has Terraform among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     data_stores:
#       - name: orders-db
#         kind: relational
#         replication:
#           mode: sync
#           multi_az: true
#           cross_region: true
package archvet.rules.claims.replication

import rego.v1

import data.archvet.lib

# Each claim and the resource facts that speak to it.
checked := {
	"mode": ["replicas"],
	"multi_az": ["multi_az"],
	"cross_region": ["cross_region_replica"],
}

stated contains [sprintf("data_stores[%d].replication.%s", [i, field]), claimed] if {
	some i, store in lib.data_stores
	some field, _ in checked
	claimed := lib.get(store, ["replication", field], null)
	claimed != null
}

# Without terraform in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("terraform")
	count(stated) > 0
}

evidence contains {"path": path, "field": field, "claimed": claimed, "resource": r, "fact": fact} if {
	some i, store in lib.data_stores
	some field, keys in checked
	claimed := lib.get(store, ["replication", field], null)
	claimed != null
	some r in lib.store_resources(store)
	some key in keys
	fact := r.facts[key]
	path := sprintf("data_stores[%d].replication.%s", [i, field])
}

# compared is what the rule compares: [what the resource shows, what the
# review says], in the same terms. A replication mode other than none
# promises a copy: a replica, or the synchronous standby of a multi-AZ
# database.
compared(e) := [replicated, promised] if {
	e.field == "mode"
	is_number(e.fact.value)
	not standby(e.resource)
	replicated := e.fact.value > 0
	promised := e.claimed != "none"
}

compared(e) := [true, promised] if {
	e.field == "mode"
	standby(e.resource)
	promised := e.claimed != "none"
}

compared(e) := [e.fact.value, e.claimed] if e.field in {"multi_az", "cross_region"}

standby(r) if r.facts.multi_az.value == true

observed(e) := sprintf("runs %v replicas and no multi-AZ standby", [lib.shown(e.fact)]) if {
	e.field == "mode"
	not standby(e.resource)
}

observed(e) := "keeps a synchronous standby in another zone (multi-AZ)" if {
	e.field == "mode"
	standby(e.resource)
}

observed(e) := sprintf("sets multi-AZ to %v", [lib.shown(e.fact)]) if e.field == "multi_az"

observed(e) := sprintf("has a cross-region replica: %v", [lib.shown(e.fact)]) if e.field == "cross_region"

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %v, but %s %s", [e.path, e.claimed, e.resource.address, observed(e)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

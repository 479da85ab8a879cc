# METADATA
# title: A service the review spreads over several zones has a zone spread constraint in its manifests
# description: |-
#   Running in a multi-zone cluster does not put replicas in several
#   zones: the scheduler packs pods where there is room, and without a
#   topology spread constraint on the zone label all six replicas can land
#   in the zone that then fails. The review's `availability_zones` is what
#   the zone-loss rules reason from; the spread constraint is what makes
#   it true. This rule holds a claim of two or more zones against the
#   service's workload.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
#   - ref: https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
#     description: Kubernetes, Pod Topology Spread Constraints
# custom:
#   id: CL009
#   best_practices: [REL10-BP01]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Add a `topologySpreadConstraints` entry on
#     `topology.kubernetes.io/zone` (maxSkew 1) to the service's pod
#     template, or correct `deployment.availability_zones` to the one zone
#     the pods may share, so that the zone-loss rules judge the truth.
#   applicability: |-
#     Reviews that state `deployment.availability_zones` of 2 or more.
#     Without manifests for the service the claim stays unverified.
#     It applies only when the review has Kubernetes manifests among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     deployment:
#       platform: kubernetes
#       availability_zones: 3
package archvet.rules.claims.zone_spread

import rego.v1

import data.archvet.lib

path := "deployment.availability_zones"

zones := input.deployment.availability_zones

stated contains [path, zones] if {
	is_number(zones)
	zones >= 2
}

# Without kubernetes in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("kubernetes")
	count(stated) > 0
}

evidence contains {"path": path, "fact": lib.service_workload.facts.zone_spread} if applicable

msg := sprintf(
	"%s says %v, but %s has no topology spread constraint by zone: the scheduler may place every replica in one zone",
	[path, zones, lib.workload_label(lib.service_workload)],
)

judged contains {"path": path, "fact": e.fact, "compared": [e.fact.value, true], "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

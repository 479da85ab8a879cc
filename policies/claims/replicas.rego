# METADATA
# title: The fewest replicas a review claims are the fewest its manifests run
# description: |-
#   The replica count decides what a node or zone failure costs: six
#   replicas lose a sixth of their capacity, one replica loses everything.
#   The availability rules of the catalogue trust
#   `processes.scaling.min_replicas`, but the number that runs is the
#   Deployment's `replicas`, or the autoscaler's `minReplicas` when one
#   scales the workload. This rule holds the claim against the service's
#   workload (the Deployment or StatefulSet named like the service, or the
#   only one) and its HorizontalPodAutoscaler.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_static_stability.html
#     description: REL11-BP05 Use static stability to prevent bimodal behavior
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
#   - ref: https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
#     description: Kubernetes, Horizontal Pod Autoscaling
# custom:
#   id: CL005
#   best_practices: [REL11-BP05, REL10-BP01]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Run at least the replicas the review promises: set the autoscaler's
#     `minReplicas` (or the Deployment's `replicas` when nothing autoscales
#     it) to `processes.scaling.min_replicas`, or lower the claim to what
#     runs, so that the availability rules judge the truth.
#   applicability: |-
#     Reviews that state `processes.scaling.min_replicas`. Without manifests
#     for the service the claim stays unverified.
#     It applies only when the review has Kubernetes manifests among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     processes:
#       scaling:
#         min_replicas: 3
package archvet.rules.claims.replicas

import rego.v1

import data.archvet.lib

path := "processes.scaling.min_replicas"

claimed := input.processes.scaling.min_replicas

stated contains [path, claimed] if is_number(claimed)

# Without kubernetes in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("kubernetes")
	count(stated) > 0
}

# An autoscaler decides the fewest replicas when there is one; the
# workload's own count is then only where a rollout starts.
evidence contains {"path": path, "subject": sprintf("HorizontalPodAutoscaler %s", [a.name]), "field": "minReplicas", "fact": a.facts.min_replicas} if {
	is_number(claimed)
	some a in lib.service_autoscalers
}

evidence contains {"path": path, "subject": lib.workload_label(lib.service_workload), "field": "replicas", "fact": lib.service_workload.facts.replicas} if {
	is_number(claimed)
	count(lib.service_autoscalers) == 0
}

judged contains {"path": path, "fact": e.fact, "compared": [enough, true], "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	is_number(e.fact.value)
	enough := e.fact.value >= claimed
	msg := sprintf("%s says %v, but %s sets %s to %v", [path, claimed, e.subject, e.field, lib.shown(e.fact)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

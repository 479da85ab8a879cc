# METADATA
# title: The disruption budget a review claims is the PodDisruptionBudget its manifests define
# description: |-
#   Node drains, cluster upgrades and autoscaler scale-downs evict pods
#   without asking the service. Only a PodDisruptionBudget makes them wait:
#   without one a drain can take every replica at once, and with a looser
#   one than the review says it takes more than the headroom covers. The
#   zero-downtime rules judge `deployment.disruption_budget`; this rule
#   holds it against the budget that covers the service's workload (named
#   like it, or the only one), reading `minAvailable` against the claimed
#   minimum replicas.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_tracking_change_management_automated_changemgmt.html
#     description: REL08-BP05 Deploy changes with automation
#   - ref: https://kubernetes.io/docs/concepts/workloads/pods/disruptions/
#     description: Kubernetes, Disruptions and PodDisruptionBudget
# custom:
#   id: CL010
#   best_practices: [REL08-BP05]
#   severity: medium
#   check: reasoning
#   level: proactive
#   frameworks:
#     production-readiness: change-management
#     well-architected: reliability
#   remediation: |-
#     Give the service's workload a PodDisruptionBudget with the
#     `maxUnavailable` the review states, or correct
#     `deployment.disruption_budget.max_unavailable` to what the budget
#     allows.
#   applicability: |-
#     Reviews that state `deployment.disruption_budget.max_unavailable`.
#     Without manifests for the service the claim stays unverified.
#     It applies only when the review has Kubernetes manifests among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     deployment:
#       platform: kubernetes
#       disruption_budget:
#         max_unavailable: 1
package archvet.rules.claims.disruption_budget

import rego.v1

import data.archvet.lib

path := "deployment.disruption_budget.max_unavailable"

claimed := input.deployment.disruption_budget.max_unavailable

min_replicas := input.processes.scaling.min_replicas

stated contains [path, claimed] if is_number(claimed)

# Without kubernetes in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("kubernetes")
	count(stated) > 0
}

evidence contains {"path": path, "budget": b.name, "field": field, "fact": fact} if {
	is_number(claimed)
	some b in lib.service_disruption_budgets
	some field in ["max_unavailable", "min_available"]
	fact := b.facts[field]
}

# A workload no budget covers, when every manifest was read.
evidence contains {"path": path, "budget": null, "field": "none", "fact": {"value": null, "at": lib.service_workload.at}} if {
	is_number(claimed)
	count(lib.service_disruption_budgets) == 0
	lib.manifests_complete
}

# compared is what the rule compares: [what the budget lets go, what the
# review says]. A percentage is not compared.
compared(e) := [e.fact.value, claimed] if {
	e.field == "max_unavailable"
	is_number(e.fact.value)
}

compared(e) := [allowed, claimed] if {
	e.field == "min_available"
	is_number(e.fact.value)
	allowed := min_replicas - e.fact.value
}

compared(e) := [null, claimed] if e.field == "none"

observed(e) := sprintf("PodDisruptionBudget %s sets maxUnavailable to %v", [e.budget, lib.shown(e.fact)]) if e.field == "max_unavailable"

observed(e) := msg if {
	e.field == "min_available"
	msg := sprintf(
		"PodDisruptionBudget %s sets minAvailable to %v, which lets %v of the %v replicas go at once",
		[e.budget, e.fact.value, min_replicas - e.fact.value, min_replicas],
	)
}

observed(e) := sprintf("no PodDisruptionBudget in the manifests covers %s", [lib.workload_label(lib.service_workload)]) if e.field == "none"

judged contains {"path": path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %v, but %s", [path, claimed, observed(e)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

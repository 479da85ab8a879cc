# METADATA
# title: The shutdown a review claims fits the grace period and preStop hook its workload declares
# description: |-
#   A graceful shutdown is a race against the kubelet: after the preStop
#   hook and SIGTERM, the process has what is left of
#   `terminationGracePeriodSeconds` before it is killed with requests in
#   flight. The review's grace period, pre-stop delay and drain time are
#   what the disposability and zero-downtime rules judge; the manifest's
#   numbers are what happens on every deploy and node drain. This rule
#   holds `processes.shutdown` against the service's workload: the grace
#   period it sets, whether the drain fits in it after the pre-stop delay,
#   and the delay of its preStop hook.
# related_resources:
#   - ref: https://12factor.net/disposability
#     description: Twelve-Factor App, IX. Disposability
#   - ref: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
#     description: Kubernetes, termination of pods and the grace period
#   - ref: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/
#     description: Kubernetes, Container lifecycle hooks (preStop)
# custom:
#   id: CL008
#   severity: medium
#   check: reasoning
#   level: proactive
#   frameworks:
#     twelve-factor: disposability
#     production-readiness: change-management
#   remediation: |-
#     Set `terminationGracePeriodSeconds` to the review's
#     `grace_period_seconds`, no less than the pre-stop delay plus the
#     drain, and give the container a preStop hook that waits
#     `pre_stop_seconds`; or correct `processes.shutdown` to what the
#     workload does.
#   applicability: |-
#     Reviews that state `processes.shutdown.grace_period_seconds`,
#     `drain_seconds` or `pre_stop_seconds`. Without manifests for the
#     service the claims stay unverified.
#     It applies only when the review has Kubernetes manifests among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     processes:
#       shutdown:
#         graceful: true
#         drain_seconds: 25
#         pre_stop_seconds: 5
#         grace_period_seconds: 30
package archvet.rules.claims.shutdown

import rego.v1

import data.archvet.lib

declared := object.get(input, ["processes", "shutdown"], {})

stated contains [sprintf("processes.shutdown.%s", [field]), claimed] if {
	some field in ["grace_period_seconds", "drain_seconds", "pre_stop_seconds"]
	claimed := declared[field]
	is_number(claimed)
}

# Without kubernetes in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("kubernetes")
	count(stated) > 0
}

# The drain has what the grace period leaves after the pre-stop delay.
pre_stop := object.get(declared, "pre_stop_seconds", 0)

evidence contains {"path": sprintf("processes.shutdown.%s", [field]), "field": field, "claimed": claimed, "fact": fact} if {
	some field, key in {
		"grace_period_seconds": "termination_grace_seconds",
		"drain_seconds": "termination_grace_seconds",
		"pre_stop_seconds": "pre_stop",
	}
	claimed := declared[field]
	is_number(claimed)
	fact := lib.service_workload.facts[key]
}

# compared is what the rule compares: [what the workload shows, what the
# review says], in the same terms.
compared(e) := [e.fact.value, e.claimed] if {
	e.field in {"grace_period_seconds", "pre_stop_seconds"}
	is_number(e.fact.value)
}

compared(e) := [fits, true] if {
	e.field == "drain_seconds"
	is_number(e.fact.value)
	fits := e.fact.value >= (pre_stop + e.claimed)
}

# A preStop hook that is not a plain sleep has no delay to compare.
compared(e) := [e.fact.value, delayed] if {
	e.field == "pre_stop_seconds"
	is_boolean(e.fact.value)
	delayed := e.claimed > 0
}

observed(e) := sprintf("sets terminationGracePeriodSeconds to %v", [lib.shown(e.fact)]) if e.field == "grace_period_seconds"

observed(e) := msg if {
	e.field == "drain_seconds"
	left := e.fact.value - pre_stop
	msg := sprintf("sets terminationGracePeriodSeconds to %v, which leaves %v s to drain after the %v s pre-stop delay", [lib.shown(e.fact), left, pre_stop])
}

observed(e) := sprintf("waits %v s in its preStop hook", [e.fact.value]) if {
	e.field == "pre_stop_seconds"
	is_number(e.fact.value)
}

observed(e) := "has no preStop hook" if e.fact.value == false

observed(e) := "has a preStop hook" if e.fact.value == true

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %v, but %s %s", [e.path, e.claimed, lib.workload_label(lib.service_workload), observed(e)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

# METADATA
# title: The health checks a review claims are the probes its workload declares
# description: |-
#   Kubernetes restarts a process only when a liveness probe fails, and
#   keeps traffic away from an instance that is starting or overloaded
#   only when a readiness probe says so. A review that names /healthz and
#   /readyz passes the health-check rules, yet a Deployment without the
#   probes sends requests to pods that cannot serve them and never
#   restarts a hung one, and a probe on another path tests something else.
#   This rule holds `processes.health_checks` against the probes of the
#   service's workload.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_monitoring_health.html
#     description: REL11-BP01 Monitor all components of the workload to detect failures
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_auto_healing_system.html
#     description: REL11-BP03 Automate healing on all layers
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#     description: Kubernetes, Configure Liveness, Readiness and Startup Probes
# custom:
#   id: CL007
#   best_practices: [REL11-BP01, REL11-BP03]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Declare the liveness and readiness probes on the service's container,
#     on the endpoints the review names (`httpGet.path`), or correct
#     `processes.health_checks` to the probes the workload really has.
#   applicability: |-
#     Reviews that state `processes.health_checks.liveness` or `readiness`.
#     Without manifests for the service the claims stay unverified.
#     It applies only when the review has Kubernetes manifests among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     processes:
#       health_checks:
#         liveness: /healthz
#         readiness: /readyz
package archvet.rules.claims.probes

import rego.v1

import data.archvet.lib

checks := object.get(input, ["processes", "health_checks"], {})

stated contains [sprintf("processes.health_checks.%s", [kind]), claimed] if {
	some kind in ["liveness", "readiness"]
	claimed := checks[kind]
	is_string(claimed)
}

# Without kubernetes in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("kubernetes")
	count(stated) > 0
}

# A probe fact is the HTTP path it requests, true for a probe of another
# kind (a command, a TCP or gRPC check), or false for none.
evidence contains {"path": sprintf("processes.health_checks.%s", [kind]), "kind": kind, "claimed": claimed, "fact": fact} if {
	some kind in ["liveness", "readiness"]
	claimed := checks[kind]
	is_string(claimed)
	fact := lib.service_workload.facts[sprintf("%s_probe", [kind])]
}

compared(e) := [e.fact.value, e.claimed] if is_string(e.fact.value)

compared(e) := [e.fact.value, true] if is_boolean(e.fact.value)

observed(e) := sprintf("probes %s", [e.fact.value]) if is_string(e.fact.value)

observed(e) := sprintf("has no %s probe", [e.kind]) if e.fact.value == false

observed(e) := sprintf("has a %s probe", [e.kind]) if e.fact.value == true

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %s, but %s %s", [e.path, e.claimed, lib.workload_label(lib.service_workload), observed(e)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

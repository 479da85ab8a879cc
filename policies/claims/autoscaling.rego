# METADATA
# title: The autoscaling a review claims is the autoscaler its manifests define
# description: |-
#   A capacity plan built on "autoscaling on requests per second up to 60
#   replicas" holds only if an autoscaler scales the workload, on that
#   signal, up to that ceiling. Without one the service stays at its
#   starting size through the peak; with a different ceiling or metric it
#   scales too late or not far enough, and the capacity and autoscaling
#   rules were satisfied by a sentence. This rule holds
#   `processes.scaling.autoscaling`, `max_replicas` and
#   `autoscaling_metric` against the HorizontalPodAutoscaler whose target
#   is the service's workload.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_adapt_to_changes_autoscale_adapt.html
#     description: REL07-BP01 Use automation when obtaining or scaling resources
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_compute_hardware_scale_compute_resources_dynamically.html
#     description: PERF02-BP05 Scale your compute resources dynamically
#   - ref: https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
#     description: Kubernetes, Horizontal Pod Autoscaling
# custom:
#   id: CL006
#   best_practices: [REL07-BP01, PERF02-BP05]
#   severity: medium
#   check: reasoning
#   level: proactive
#   frameworks:
#     well-architected: reliability
#     production-readiness: capacity
#   remediation: |-
#     Give the service's workload a HorizontalPodAutoscaler with the
#     `maxReplicas` and the metric the review states, or correct
#     `processes.scaling` to what really scales the service, so that the
#     capacity rules judge the truth.
#   applicability: |-
#     Reviews that state `processes.scaling.autoscaling`, `max_replicas` or
#     `autoscaling_metric`. Without manifests for the service the claims
#     stay unverified.
#     It applies only when the review has Kubernetes manifests among its artefacts:
#     with none, no claim of the rule can be checked, so none is counted.
#   example: |-
#     processes:
#       scaling:
#         autoscaling: true
#         max_replicas: 20
#         autoscaling_metric: cpu
package archvet.rules.claims.autoscaling

import rego.v1

import data.archvet.lib

scaling := object.get(input, ["processes", "scaling"], {})

stated contains [sprintf("processes.scaling.%s", [field]), value] if {
	some field in ["autoscaling", "max_replicas", "autoscaling_metric"]
	value := scaling[field]
	value != null
}

# Without kubernetes in the repository nothing can speak to a claim: the
# rule does not apply, and its claims are not counted as checkable.
applicable if {
	lib.read("kubernetes")
	count(stated) > 0
}

target := sprintf("%s/%s", [lib.service_workload.kind, lib.service_workload.name])

# Whether an autoscaler exists is a fact of the manifests as a whole: a
# missing one counts only when every manifest was read.
evidence contains {"path": "processes.scaling.autoscaling", "field": "autoscaling", "subject": a.name, "fact": {"value": true, "at": a.at}} if {
	is_boolean(scaling.autoscaling)
	some a in lib.service_autoscalers
}

evidence contains {"path": "processes.scaling.autoscaling", "field": "autoscaling", "subject": target, "fact": none} if {
	is_boolean(scaling.autoscaling)
	none := {"value": false, "at": lib.service_workload.at}
	count(lib.service_autoscalers) == 0
	lib.manifests_complete
}

evidence contains {"path": sprintf("processes.scaling.%s", [field]), "field": field, "subject": a.name, "fact": fact} if {
	some field, key in {"max_replicas": "max_replicas", "autoscaling_metric": "metrics"}
	scaling[field] != null
	some a in lib.service_autoscalers
	fact := a.facts[key]
}

# compared is what the rule compares: [what the manifests show, what the
# review says], in the same terms.
compared(e) := [e.fact.value, scaling.autoscaling] if e.field == "autoscaling"

compared(e) := [e.fact.value, scaling.max_replicas] if e.field == "max_replicas"

compared(e) := [followed, true] if {
	e.field == "autoscaling_metric"
	is_array(e.fact.value)
	followed := count([m | some m in e.fact.value; same_metric(m, scaling.autoscaling_metric)]) > 0
}

# Metric names are compared on their letters and digits, one inside the
# other: requests-per-second is the http_requests_per_second metric.
same_metric(metric, claimed) if contains(letters(metric), letters(claimed))

same_metric(metric, claimed) if contains(letters(claimed), letters(metric))

letters(s) := regex.replace(lower(s), `[^a-z0-9]`, "")

observed(e) := sprintf("HorizontalPodAutoscaler %s targets %s", [e.subject, target]) if {
	e.field == "autoscaling"
	e.fact.value == true
}

observed(e) := sprintf("no HorizontalPodAutoscaler in the manifests targets %s", [e.subject]) if {
	e.field == "autoscaling"
	e.fact.value == false
}

observed(e) := sprintf("HorizontalPodAutoscaler %s sets maxReplicas to %v", [e.subject, lib.shown(e.fact)]) if e.field == "max_replicas"

observed(e) := sprintf("HorizontalPodAutoscaler %s scales on %s", [e.subject, concat(", ", e.fact.value)]) if e.field == "autoscaling_metric"

judged contains {"path": e.path, "fact": e.fact, "compared": compared(e), "msg": msg} if {
	some e in evidence
	lib.known(e.fact)
	msg := sprintf("%s says %v, but %s", [e.path, scaling[e.field], observed(e)])
}

claims contains c if some c in lib.ledger(stated, judged, lib.pending(evidence))

deny contains f if some f in lib.contradictions(stated, judged)

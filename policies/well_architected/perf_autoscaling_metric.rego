# METADATA
# title: Autoscaling follows a signal of demand
# description: |-
#   Autoscaling is only as good as the signal it follows. An autoscaler with
#   no stated metric falls back to whatever the platform defaults to, and a
#   worker that only drains a queue is often idle on CPU while its backlog
#   and message age grow, so CPU-based scaling adds capacity too late or
#   never. The scaling signal should track the work waiting to be done:
#   requests in flight or per second for request-serving processes, queue
#   depth or consumer lag for consumers.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_compute_hardware_scale_compute_resources_dynamically.html
#     description: PERF02-BP05 Scale your compute resources dynamically
#   - ref: https://keda.sh/docs/latest/concepts/scaling-deployments/
#     description: KEDA, scaling deployments on event sources
# custom:
#   id: WA332
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [PERF02-BP05]
#   params:
#     resource_metrics:
#       description: words that make a metric a resource one when its name is the word or starts with it and a separator (cpu_utilization)
#       value: [cpu, memory, mem]
#   frameworks:
#     well-architected: performance-efficiency
#     production-readiness: capacity
#   remediation: |-
#     Name the metric autoscaling tracks in
#     `processes.scaling.autoscaling_metric`. Scale request-serving processes
#     on concurrency, request rate or latency (CPU is acceptable when it
#     tracks load), and scale queue and stream consumers on queue depth,
#     message age or consumer lag.
#   applicability: Autoscaling is enabled (processes.scaling.autoscaling is true).
#   example: |-
#     processes:
#       scaling:
#         autoscaling: true
#         autoscaling_metric: requests-per-second
package archvet.rules.well_architected.perf_autoscaling_metric

import rego.v1

import data.archvet.lib

applicable if input.processes.scaling.autoscaling == true

metric := object.get(input, ["processes", "scaling", "autoscaling_metric"], "")

# Consumes messages and serves no API: its load is its backlog.
consumer_only if {
	count(lib.consumes) > 0
	count(lib.apis) == 0
}

params := lib.params(rego.metadata.chain())

# The metric's name, or its first word before a separator (cpu_utilization,
# memory-percent), is a resource.
resource_metric if {
	first := regex.split(`[-_ .]`, lower(trim_space(metric)))[0]
	first in params.resource_metrics
}

unanswered contains lib.finding(msg, "processes.scaling.autoscaling_metric") if {
	applicable
	trim_space(metric) == ""
	msg := "autoscaling is enabled but the design does not say which metric it follows"
}

deny contains lib.finding(msg, "processes.scaling.autoscaling_metric") if {
	applicable
	consumer_only
	resource_metric
	msg := sprintf("the service only consumes messages but scales on %s; scale on queue depth or consumer lag", [metric])
}

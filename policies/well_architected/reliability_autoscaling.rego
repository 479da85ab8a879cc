# METADATA
# title: Tier 0 to 2 services scale out automatically
# description: |-
#   Load changes faster than people can react: a traffic spike at night, a
#   backlog after a dependency recovers, the failover traffic of a lost zone.
#   A fleet resized by hand is either too small when it matters or paid for
#   idle the rest of the time. Autoscaling also needs room between its
#   minimum and maximum to act, or it exists only in the design document.
#   (Whether its signal tracks demand is checked by WA332.)
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_adapt_to_changes_autoscale_adapt.html
#     description: REL07-BP01 Use automation when obtaining or scaling resources
#   - ref: https://12factor.net/concurrency
#     description: Twelve-Factor App, VIII. Concurrency
# custom:
#   id: WA252
#   severity: medium
#   level: proactive
#   check: threshold
#   best_practices: [REL07-BP01]
#   frameworks:
#     well-architected: reliability
#     twelve-factor: concurrency
#     production-readiness: capacity
#   remediation: |-
#     Enable horizontal autoscaling, choose the metric that saturates first
#     (CPU, in-flight requests, queue depth or lag) and record
#     `processes.scaling.autoscaling: true`, `autoscaling_metric`, and a
#     `max_replicas` above `min_replicas`. Load test the scaling behaviour.
#   applicability: Services of tier 0, 1 or 2 that do not run on a serverless platform.
#   example: |-
#     processes:
#       scaling:
#         horizontal: true
#         autoscaling: true
#         autoscaling_metric: cpu
#         min_replicas: 3
#         max_replicas: 12
package archvet.rules.well_architected.reliability_autoscaling

import rego.v1

import data.archvet.lib

scaling := object.get(input, ["processes", "scaling"], {})

autoscaling := object.get(scaling, "autoscaling", null)

applicable if {
	lib.tier <= 2
	object.get(input, ["deployment", "platform"], "") != "serverless"
}

deny contains lib.finding("instances are not added automatically when load grows", "processes.scaling.autoscaling") if {
	applicable
	autoscaling == false
}

deny contains lib.finding(msg, "processes.scaling.max_replicas") if {
	applicable
	autoscaling == true
	high := object.get(scaling, "max_replicas", null)
	high != null
	high == object.get(scaling, "min_replicas", null)
	msg := sprintf("autoscaling cannot add instances: max_replicas equals min_replicas (%v)", [high])
}

unanswered contains lib.finding("the design does not say whether the service scales automatically", "processes.scaling.autoscaling") if {
	applicable
	autoscaling == null
}

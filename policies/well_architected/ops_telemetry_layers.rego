# METADATA
# title: Metrics cover the system, application and business layers
# description: |-
#   Each layer answers a different question. System metrics (CPU, memory,
#   connections) explain why the service struggles; application metrics
#   (requests, errors, latency per endpoint) show what users experience;
#   business metrics (orders placed, payments captured) reveal failures that
#   return HTTP 200, and let the team tie incidents and improvements to
#   outcomes the organisation cares about. Missing one layer leaves a class
#   of failures invisible.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_observability_identify_kpis.html
#     description: OPS04-BP01 Identify key performance indicators
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_observability_application_telemetry.html
#     description: OPS04-BP02 Implement application telemetry
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_monitor_aws_resources_monitor_resources.html
#     description: REL06-BP01 Monitor all components for the workload (Generation)
# custom:
#   id: WA101
#   severity: medium
#   level: strategic
#   check: threshold
#   best_practices: [OPS04-BP01, OPS04-BP02, REL06-BP01]
#   params:
#     required_layers:
#       description: layers (system, application, business) that must have metrics
#       value: [system, application, business]
#   frameworks:
#     well-architected: operational-excellence
#     production-readiness: observability
#   remediation: |-
#     Add the missing layer(s): host or container resource metrics, per
#     endpoint request metrics, and a few business KPIs the service drives
#     (for example orders per minute). List them in
#     `observability.metrics.layers`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     observability:
#       metrics:
#         layers: [system, application, business]
package archvet.rules.well_architected.ops_telemetry_layers

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

params := lib.params(rego.metadata.chain())

layers := object.get(input, ["observability", "metrics", "layers"], null)

unanswered contains lib.finding(msg, "observability.metrics.layers") if {
	layers == null
	msg := "the design does not say which layers (system, application, business) have metrics"
}

deny contains lib.finding(msg, "observability.metrics.layers") if {
	layers != null
	some layer in params.required_layers
	not layer in layers
	msg := sprintf("the %s layer has no metrics", [layer])
}

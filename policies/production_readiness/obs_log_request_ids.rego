# METADATA
# title: Every log line carries the request or trace id
# description: |-
#   One user request produces log lines in several processes and services,
#   interleaved with thousands of others. Without a shared request or trace
#   id on each line there is no reliable way to pull out the lines that
#   belong to the failing request, or to jump from a slow span in a trace to
#   the log lines written while it ran. Correlation ids are cheap to add and
#   impossible to reconstruct after the fact.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_analyze_workload_logs.html
#     description: OPS08-BP02 Analyze workload logs
#   - ref: https://opentelemetry.io/docs/specs/otel/logs/
#     description: OpenTelemetry, Logs (correlating logs with trace context)
# custom:
#   id: PR415
#   best_practices: [OPS08-BP02]
#   severity: medium
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: observability
#     well-architected: operational-excellence
#   remediation: |-
#     Put the incoming request id, or better the current trace and span ids,
#     in the logging context at the edge of every request and message
#     handler so that each line includes them. Set
#     `observability.logging.request_ids: true`.
#   applicability: Every service.
#   example: |-
#     observability:
#       logging:
#         format: json
#         request_ids: true
package archvet.rules.production_readiness.obs_log_request_ids

import rego.v1

import data.archvet.lib

request_ids := object.get(input, ["observability", "logging", "request_ids"], null)

unanswered contains lib.finding(msg, "observability.logging.request_ids") if {
	request_ids == null
	msg := "the design does not say whether log lines carry a request or trace id"
}

deny contains lib.finding(msg, "observability.logging.request_ids") if {
	request_ids == false
	msg := "log lines carry no request or trace id, so one request's lines cannot be pulled out"
}

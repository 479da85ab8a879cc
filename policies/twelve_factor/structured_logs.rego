# METADATA
# title: Log events are structured
# description: |-
#   An event stream is only as useful as the questions it can answer. Free
#   text has to be picked apart with fragile patterns that break when a
#   message is reworded, so finding every error for one customer or request
#   becomes guesswork during an incident. Writing each event as key-value
#   fields (JSON or logfmt) lets the log platform filter, aggregate and join
#   on them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_workload_observability_analyze_workload_logs.html
#     description: OPS08-BP02 Analyze workload logs
#   - ref: https://12factor.net/logs
#     description: Twelve-Factor App, XI. Logs
# custom:
#   id: TF027
#   severity: low
#   level: proactive
#   check: threshold
#   best_practices: [OPS08-BP02]
#   frameworks:
#     twelve-factor: logs
#     well-architected: operational-excellence
#     production-readiness: observability
#   remediation: |-
#     Switch the logger to structured output with consistent field names
#     (timestamp, level, message, request or trace id, release) and set
#     `observability.logging.format` to `json` or `logfmt`.
#   applicability: Every service.
#   example: |-
#     observability:
#       logging:
#         destination: stdout
#         format: json
package archvet.rules.twelve_factor.structured_logs

import rego.v1

import data.archvet.lib

format := object.get(input, ["observability", "logging", "format"], "")

deny contains lib.finding(msg, "observability.logging.format") if {
	format == "text"
	msg := "log events are free text, so they cannot be filtered or aggregated by field"
}

unanswered contains lib.finding(msg, "observability.logging.format") if {
	format == ""
	msg := "the design does not say what format log events are written in"
}

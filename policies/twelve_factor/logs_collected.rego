# METADATA
# title: The log stream is collected and searchable in one place
# description: |-
#   Writing to stdout only helps if the platform captures the stream and
#   routes it somewhere durable. Otherwise logs live in each instance's
#   buffer and die with it, and investigating an incident means logging in
#   to machines one by one. Collecting every instance's stream into one
#   searchable store keeps the history after instances are replaced and lets
#   events from all of them be read together.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_workload_observability_analyze_workload_logs.html
#     description: OPS08-BP02 Analyze workload logs
#   - ref: https://12factor.net/logs
#     description: Twelve-Factor App, XI. Logs
# custom:
#   id: TF028
#   severity: medium
#   level: reactive
#   check: presence
#   best_practices: [OPS08-BP02]
#   frameworks:
#     twelve-factor: logs
#     well-architected: operational-excellence
#     production-readiness: observability
#   remediation: |-
#     Have the platform's log router forward every instance's stdout to a
#     central store (CloudWatch Logs, Cloud Logging, Loki, Elasticsearch, a
#     vendor) with a retention that covers incident reviews, and set
#     `observability.logging.centralized: true`.
#   applicability: Every service.
#   example: |-
#     observability:
#       logging:
#         destination: stdout
#         centralized: true
package archvet.rules.twelve_factor.logs_collected

import rego.v1

import data.archvet.lib

logging := object.get(input, ["observability", "logging"], {})

deny contains lib.finding(msg, "observability.logging.centralized") if {
	object.get(logging, "centralized", null) == false
	msg := sprintf("logs written to %s are not collected in one place, so they are lost with each instance", [object.get(logging, "destination", "the instance")])
}

unanswered contains lib.finding(msg, "observability.logging.centralized") if {
	object.get(logging, "centralized", null) == null
	msg := "the design does not say whether logs are collected in one searchable place"
}

# METADATA
# title: Logs are collected and searchable in one place
# description: |-
#   Logs left on instances disappear with them, are scattered across
#   replicas, and need shell access to read, which is slow during an
#   incident and often impossible for the short-lived containers that
#   failed. The process should only emit its event stream; the platform
#   routes every stream into one searchable store, so that the whole
#   service, and its neighbours, can be queried together.
# related_resources:
#   - ref: https://12factor.net/logs
#     description: Twelve-Factor App, XI. Logs
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_workload_observability_analyze_workload_logs.html
#     description: OPS08-BP02 Analyze workload logs
# custom:
#   id: PR416
#   severity: high
#   level: reactive
#   frameworks:
#     production-readiness: observability
#     twelve-factor: logs
#     well-architected: operational-excellence
#     ideals: deployability
#   remediation: |-
#     Ship every instance's log stream (for example stdout collected by the
#     platform's agent) to a central log store with search and retention,
#     and set `observability.logging.centralized: true`.
#   applicability: Every service.
#   example: |-
#     observability:
#       logging:
#         destination: stdout
#         centralized: true
package archvet.rules.production_readiness.obs_centralized_logs

import rego.v1

import data.archvet.lib

centralized := object.get(input, ["observability", "logging", "centralized"], null)

deny contains lib.finding(msg, "observability.logging.centralized") if {
	centralized == null
	msg := "the design does not say whether logs are collected in a central, searchable store"
}

deny contains lib.finding(msg, "observability.logging.centralized") if {
	centralized == false
	msg := "logs stay on the instances that wrote them and are lost when those instances go"
}

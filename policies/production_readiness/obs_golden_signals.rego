# METADATA
# title: All four golden signals are measured
# description: |-
#   Latency, traffic, errors and saturation together describe a serving
#   system well enough to notice most user-visible trouble and to tell load
#   problems from defects. Dropping one leaves a blind spot: without
#   saturation an overload shows up only as errors, without traffic a silent
#   outage looks like a calm night, and without latency slow requests go
#   unseen until clients time out. They are the minimum metric set for a
#   service in production.
# related_resources:
#   - ref: https://sre.google/sre-book/monitoring-distributed-systems/
#     description: Google SRE book, Monitoring Distributed Systems (the four golden signals)
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_observability_application_telemetry.html
#     description: OPS04-BP02 Implement application telemetry
# custom:
#   id: PR410
#   best_practices: [OPS04-BP02]
#   severity: high
#   check: threshold
#   level: reactive
#   params:
#     required_signals:
#       description: golden signals (latency, traffic, errors, saturation) that must be measured
#       value: [latency, traffic, errors, saturation]
#   frameworks:
#     production-readiness: observability
#     well-architected: operational-excellence
#   remediation: |-
#     Emit request latency (as a histogram, split by success and failure),
#     request rate, error rate and a saturation measure (for example pool,
#     queue or CPU utilisation against its limit), and list all four in
#     `observability.metrics.golden_signals`.
#   applicability: Every service.
#   example: |-
#     observability:
#       metrics:
#         golden_signals: [latency, traffic, errors, saturation]
package archvet.rules.production_readiness.obs_golden_signals

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

path := "observability.metrics.golden_signals"

measured := object.get(input, ["observability", "metrics", "golden_signals"], null)

unanswered contains lib.finding(msg, path) if {
	measured == null
	msg := "the design does not say which golden signals are measured"
}

deny contains lib.finding(msg, path) if {
	measured != null
	some signal in params.required_signals
	not signal in measured
	msg := sprintf("golden signal %q is not measured", [signal])
}

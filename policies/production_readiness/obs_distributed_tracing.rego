# METADATA
# title: Requests are traced with OpenTelemetry
# description: |-
#   When a request is slow or fails, metrics say that something is wrong and
#   traces say where: which hop, which dependency, which query. Tracing only
#   pays off when it is on in production, keeps a useful share of requests,
#   and uses instrumentation that every team and backend understands.
#   OpenTelemetry is the vendor-neutral standard for that, so traces survive
#   a change of backend and line up with other teams' services.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_observability_dist_trace.html
#     description: OPS04-BP05 Implement distributed tracing
#   - ref: https://opentelemetry.io/docs/concepts/signals/traces/
#     description: OpenTelemetry, Traces
# custom:
#   id: PR412
#   best_practices: [OPS04-BP05]
#   severity: medium
#   check: threshold
#   level: proactive
#   frameworks:
#     production-readiness: observability
#     well-architected: operational-excellence
#     ideals: deployability
#   remediation: |-
#     Instrument the service with the OpenTelemetry SDK (incoming requests,
#     outgoing calls, messaging and database clients), export spans to the
#     tracing backend, and keep a non-zero sampling rate, with tail or
#     error-biased sampling if volume is a concern. Record it under
#     `observability.tracing`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     observability:
#       tracing:
#         enabled: true
#         library: opentelemetry
#         sampling_percent: 10
package archvet.rules.production_readiness.obs_distributed_tracing

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

tracing := object.get(input, ["observability", "tracing"], {})

unanswered contains lib.finding(msg, "observability.tracing.enabled") if {
	object.get(tracing, "enabled", null) == null
	msg := "the design does not say whether requests are traced"
}

deny contains lib.finding(msg, "observability.tracing.enabled") if {
	tracing.enabled == false
	msg := sprintf("requests are not traced, which a tier %d service needs to locate slow or failing hops", [lib.tier])
}

deny contains lib.finding(msg, "observability.tracing.library") if {
	tracing.enabled == true
	library := object.get(tracing, "library", "")
	library != "opentelemetry"
	msg := library_msg(library)
}

deny contains lib.finding(msg, "observability.tracing.sampling_percent") if {
	tracing.enabled == true
	tracing.sampling_percent == 0
	msg := "tracing is enabled but samples 0% of requests, so no trace is kept"
}

library_msg("") := "the design does not say which tracing library instruments the service"

library_msg(library) := sprintf("tracing uses %q instrumentation rather than opentelemetry", [library]) if library != ""

# METADATA
# title: W3C trace context is propagated across every hop, asynchronous ones included
# description: |-
#   A trace is only as long as the chain of hops that pass its context on.
#   If one client drops the headers, or a message is published without the
#   trace id, the request splits into disconnected fragments exactly where
#   the interesting failure usually is: at a dependency or a queue. The W3C
#   Trace Context format is understood by every mainstream library, proxy
#   and backend, so it keeps traces whole across teams and vendors; the
#   context must also ride in message headers, not only HTTP calls.
# related_resources:
#   - ref: https://www.w3.org/TR/trace-context/
#     description: W3C Trace Context recommendation
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_monitor_aws_resources_end_to_end.html
#     description: REL06-BP07 Monitor end-to-end tracing of requests through your system
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_observability_dist_trace.html
#     description: OPS04-BP05 Implement distributed tracing
# custom:
#   id: PR413
#   best_practices: [REL06-BP07]
#   severity: medium
#   check: threshold
#   level: proactive
#   frameworks:
#     production-readiness: observability
#     well-architected: reliability
#   remediation: |-
#     Configure the tracing SDK and any proxies to use the W3C `traceparent`
#     and `tracestate` headers, inject them into every outgoing call and
#     every published message's headers, and extract them in every consumer.
#     Then set `propagation: w3c-tracecontext` and `all_hops: true`.
#   applicability: Services of tier 0 to 2 that call dependencies or publish or consume events, unless tracing is switched off (PR412 reports that).
#   example: |-
#     dependencies:
#       - name: payments
#         interaction: sync
#     events:
#       publishes:
#         - name: order-placed
#     observability:
#       tracing:
#         enabled: true
#         library: opentelemetry
#         propagation: w3c-tracecontext
#         all_hops: true
package archvet.rules.production_readiness.obs_trace_context_propagation

import rego.v1

import data.archvet.lib

hops := (count(lib.dependencies) + count(lib.publishes)) + count(lib.consumes)

async_hops := (count([d | some d in lib.dependencies; d.interaction == "async"]) + count(lib.publishes)) + count(lib.consumes)

tracing := object.get(input, ["observability", "tracing"], {})

# With tracing switched off there is no context to propagate: PR412 is the
# one rule that reports it (bug 18).
applicable if {
	lib.tier <= 2
	hops > 0
	object.get(tracing, "enabled", null) != false
}

unanswered contains lib.finding(msg, "observability.tracing.propagation") if {
	applicable
	object.get(tracing, "propagation", "") == ""
	msg := "the design does not say how trace context is propagated between services"
}

unanswered contains lib.finding(msg, "observability.tracing.all_hops") if {
	applicable
	object.get(tracing, "all_hops", null) == null
	msg := sprintf("the design does not say whether trace context is carried across every hop (%d asynchronous)", [async_hops])
}

deny contains lib.finding(msg, "observability.tracing.propagation") if {
	applicable
	propagation := object.get(tracing, "propagation", "")
	not propagation in {"", "w3c-tracecontext"}
	msg := sprintf("trace context is propagated as %q rather than w3c trace context", [propagation])
}

deny contains lib.finding(msg, "observability.tracing.all_hops") if {
	applicable
	tracing.all_hops == false
	async_hops > 0
	msg := sprintf(
		"trace context is not carried across every hop; the %d asynchronous hop(s) (events and async calls) will break traces",
		[async_hops],
	)
}

deny contains lib.finding(msg, "observability.tracing.all_hops") if {
	applicable
	tracing.all_hops == false
	async_hops == 0
	msg := "trace context is not carried across every call to a dependency"
}

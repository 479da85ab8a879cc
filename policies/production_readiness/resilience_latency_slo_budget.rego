# METADATA
# title: The latency SLO's threshold agrees with the deadlines and timeouts beneath it
# description: |-
#   A latency objective says how fast a good request is. The timeouts
#   beneath it say how long the service lets one dependency call run before
#   giving up, and the API deadline how long a whole request may run. When
#   one attempt of a synchronous call may run past the threshold, every
#   request that meets a slow dependency misses the objective before any
#   timeout acts, and retries only lengthen it: the timeouts were not chosen
#   with the objective in mind. When the threshold is above every API
#   deadline, no request can ever miss it and the objective measures
#   nothing. The dependencies an API calls (`apis[].calls`) narrow the
#   check to the calls each request really makes; without them every
#   synchronous dependency counts.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp05.html
#     description: REL05-BP05 Set client timeouts
#   - ref: https://sre.google/sre-book/service-level-objectives/
#     description: Google SRE book, Service Level Objectives
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (latency and deadlines)
# custom:
#   id: PR230
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL05-BP05]
#   params:
#     max_timeout_share_percent:
#       description: largest single-attempt timeout of a synchronous call, as a share of the latency SLO threshold
#       tiers: [100, 100, 100, 150]
#   frameworks:
#     production-readiness: slos
#     well-architected: reliability
#   remediation: |-
#     Set each synchronous dependency's `timeout_ms` at or below the latency
#     threshold (`slos[].threshold_ms`) so that a slow call is abandoned, or
#     its fallback used, before the request is lost to the objective; or
#     raise the threshold to what the dependencies allow. Keep the threshold
#     below the APIs' deadlines (`apis[].timeout_ms`).
#   applicability: The service declares a latency SLO.
#   example: |-
#     slos:
#       - name: latency
#         sli: latency
#         objective_percent: 99
#         threshold_ms: 800
#     apis:
#       - name: orders
#         timeout_ms: 3000
#         calls:
#           - dependency: payments
#     dependencies:
#       - name: payments
#         interaction: sync
#         timeout_ms: 700
package archvet.rules.production_readiness.resilience_latency_slo_budget

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

latency_slos contains [j, slo] if {
	some j, slo in lib.slos
	object.get(slo, "sli", "") == "latency"
}

applicable if count(latency_slos) > 0

# Every API states its calls: only the called dependencies count.
every_api_lists_calls if {
	count(lib.apis) > 0
	every api in lib.apis {
		"calls" in object.keys(api)
	}
}

on_request_path contains d if {
	every_api_lists_calls
	some [_, _, _, d] in lib.api_calls
}

on_request_path contains d if {
	not every_api_lists_calls
	some [d, _] in lib.sync_dependencies
}

# Synchronous dependencies a request waits on.
waited_on contains [d, dep] if {
	some d in on_request_path
	dep := lib.dependencies[d]
	lib.waits_on(dep)
}

# Every API's deadline, when every API states one.
deadlines := [api.timeout_ms | some api in lib.apis; object.get(api, "timeout_ms", 0) > 0]

deny contains lib.finding(msg, path) if {
	some [_, slo] in latency_slos
	threshold := slo.threshold_ms
	limit := (threshold * params.max_timeout_share_percent) / 100
	some [d, dep] in waited_on
	dep.timeout_ms > limit
	msg := sprintf(
		"one attempt of dependency %q may run %d ms, past what latency slo %q allows (%v ms for a %d ms threshold)",
		[dep.name, dep.timeout_ms, slo.name, limit, threshold],
	)
	path := sprintf("dependencies[%d].timeout_ms", [d])
}

deny contains lib.finding(msg, path) if {
	count(deadlines) == count(lib.apis)
	count(deadlines) > 0
	some [j, slo] in latency_slos
	slo.threshold_ms >= max(deadlines)
	msg := sprintf(
		"latency slo %q counts a request as good under %d ms, yet every api gives up by %d ms, so no request can miss it",
		[slo.name, slo.threshold_ms, max(deadlines)],
	)
	path := sprintf("slos[%d].threshold_ms", [j])
}

unanswered contains lib.finding(msg, path) if {
	some [j, slo] in latency_slos
	not is_number(object.get(slo, "threshold_ms", null))
	msg := sprintf("the design does not say under what threshold latency slo %q counts a request as good", [slo.name])
	path := sprintf("slos[%d].threshold_ms", [j])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some [d, dep] in waited_on
	not object.get(dep, "timeout_ms", 0) > 0
	msg := sprintf("the design does not say how long a call to dependency %q may run, beneath the latency slo", [dep.name])
	path := sprintf("dependencies[%d].timeout_ms", [d])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some i, api in lib.apis
	not object.get(api, "timeout_ms", 0) > 0
	msg := sprintf("the design does not say what deadline api %q gives a request, beneath the latency slo", [api.name])
	path := sprintf("apis[%d].timeout_ms", [i])
}

unanswered contains lib.finding(msg, "dependencies") if {
	applicable
	not "dependencies" in object.keys(input)
	msg := "the design does not say which dependencies the service calls, so their share of the latency slo cannot be checked"
}

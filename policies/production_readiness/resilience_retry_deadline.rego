# METADATA
# title: Each API's deadline holds the worst case of the dependencies it calls
# description: |-
#   A request to an API waits for every hard synchronous dependency it
#   calls. In the worst case each call uses its timeout on every attempt,
#   plus the backoff waits between attempts, and calls made one after the
#   other add up. When that sum runs past the API's own deadline, the later
#   attempts are spent on a request the caller has already given up on:
#   they add load to a struggling dependency and buy nothing, and the
#   service has no time left for its own work or a fallback. A soft
#   dependency is abandoned for its fallback, but one attempt of it must
#   still end before the deadline, or the fallback never runs. The check is
#   made per API, from the calls it declares; calls in parallel cost the
#   slowest of them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp05.html
#     description: REL05-BP05 Set client timeouts
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp03.html
#     description: REL05-BP03 Control and limit retry calls
#   - ref: https://sre.google/sre-book/addressing-cascading-failures/
#     description: Google SRE book, Addressing Cascading Failures (deadlines and deadline propagation)
# custom:
#   id: PR208
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL05-BP05, REL05-BP03]
#   params:
#     max_budget_share_percent:
#       description: share of an API's deadline that the worst case of its hard dependency calls may use, the rest being left to the service's own work
#       tiers: [90, 90, 100, 100]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     For each API, list the dependencies it calls in `apis[].calls` and
#     make the serial sum of `timeout_ms` times `retries.max_attempts`,
#     plus the backoff waits (`retries.base_delay_ms`, `retries.max_delay_ms`),
#     fit inside `apis[].timeout_ms`: lower the attempts or the per-attempt
#     timeouts, call independent dependencies in parallel, or stop retrying
#     once the caller's remaining deadline is too short for another attempt.
#     Keep each soft dependency's timeout below the deadline so that its
#     fallback has time to run.
#   applicability: The service offers at least one API.
#   example: |-
#     apis:
#       - name: orders
#         timeout_ms: 3000
#         calls:
#           - dependency: payments
#           - dependency: pricing
#             mode: parallel
#     dependencies:
#       - name: payments
#         interaction: sync
#         criticality: hard
#         timeout_ms: 800
#         retries:
#           max_attempts: 3
#           backoff: exponential
#           base_delay_ms: 100
#       - name: pricing
#         interaction: sync
#         criticality: soft
#         timeout_ms: 300
package archvet.rules.production_readiness.resilience_retry_deadline

import rego.v1

import data.archvet.lib

applicable if count(lib.apis) > 0

# Calls of API i to hard synchronous dependencies: [call index, call, dependency index].
hard_calls(i) := {[k, call, d] |
	some [j, k, call, d] in lib.api_calls
	j == i
	dep := lib.dependencies[d]
	lib.waits_on(dep)
	lib.hard(dep)
}

# The worst case of API i's hard calls: serial calls add up, parallel
# calls cost the slowest one.
budget_ms(i) := serial + slowest_parallel if {
	calls := hard_calls(i)
	serial := sum([lib.worst_ms(lib.dependencies[d]) | some [_, call, d] in calls; not lib.parallel(call)])
	slowest_parallel := max(array.concat([0], [lib.worst_ms(lib.dependencies[d]) | some [_, call, d] in calls; lib.parallel(call)]))
}

deadline_ms(api) := api.timeout_ms if api.timeout_ms > 0

allowed_ms(api) := (deadline_ms(api) * params.max_budget_share_percent) / 100

params := lib.params(rego.metadata.chain())

deny contains lib.finding(msg, path) if {
	some i, api in lib.apis
	worst := budget_ms(i)
	worst > allowed_ms(api)
	names := sort({sprintf("%q", [lib.dependencies[d].name]) | some [_, _, d] in hard_calls(i)})
	msg := sprintf(
		"api %q can wait %v ms on its hard dependencies (%s) over all attempts and backoff, beyond %v%% of its %d ms deadline",
		[api.name, worst, concat(", ", names), params.max_budget_share_percent, api.timeout_ms],
	)
	path := sprintf("apis[%d].timeout_ms", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, _, _, d] in lib.api_calls
	api := lib.apis[i]
	dep := lib.dependencies[d]
	lib.waits_on(dep)
	not lib.hard(dep)
	dep.timeout_ms >= deadline_ms(api)
	msg := sprintf(
		"soft dependency %q times out after %d ms, not before the %d ms deadline of api %q, so its fallback never runs",
		[dep.name, dep.timeout_ms, api.timeout_ms, api.name],
	)
	path := sprintf("dependencies[%d].timeout_ms", [d])
}

unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	not "calls" in object.keys(api)
	msg := sprintf("the design does not say which dependencies api %q calls", [api.name])
	path := sprintf("apis[%d].calls", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, k, call] in lib.unresolved_calls
	msg := sprintf("the design does not describe dependency %q, which api %q calls", [object.get(call, "dependency", ""), lib.apis[i].name])
	path := sprintf("apis[%d].calls[%d].dependency", [i, k])
}

unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	count(object.get(api, "calls", [])) > 0
	not deadline_ms(api)
	msg := sprintf("the design does not say what deadline api %q gives a request", [api.name])
	path := sprintf("apis[%d].timeout_ms", [i])
}

# What the worst case of a hard call still needs, while what is known fits.
unanswered contains lib.finding(msg, path) if {
	some i, api in lib.apis
	budget_ms(i) <= allowed_ms(api)
	some [_, _, d] in hard_calls(i)
	some [e, path] in lib.worst_unknowns
	e == d
	msg := sprintf("the design does not say %s of dependency %q, which api %q waits on", [fact(path), lib.dependencies[d].name, api.name])
}

unanswered contains lib.finding(msg, path) if {
	some [i, _, _, d] in lib.api_calls
	dep := lib.dependencies[d]
	lib.waits_on(dep)
	not lib.hard(dep)
	not object.get(dep, "timeout_ms", 0) > 0
	msg := sprintf("the design does not say what timeout soft dependency %q has, which api %q calls", [dep.name, lib.apis[i].name])
	path := sprintf("dependencies[%d].timeout_ms", [d])
}

fact(path) := "the timeout" if endswith(path, ".timeout_ms")

fact(path) := "how many attempts a call makes" if endswith(path, ".max_attempts")

fact(path) := "how the wait between attempts grows" if endswith(path, ".backoff")

fact(path) := "the wait before the first retry" if endswith(path, ".base_delay_ms")

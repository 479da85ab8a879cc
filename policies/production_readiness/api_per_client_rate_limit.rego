# METADATA
# title: Per-client rate limits fit the capacity plan for the clients expected
# description: |-
#   A limit counted per client, key or address protects the service only if
#   the clients together cannot send more than it can serve. When one
#   client's allowance is already above the planned capacity (the peak plus
#   its headroom), a single misbehaving client can overload the service
#   while staying within its limit. When the expected clients, each at its
#   limit, together exceed the capacity by more than the tier accepts, the
#   limits are a formality and overload has to be handled some other way.
#   The sum of global limits across APIs is judged by another rule.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp02.html
#     description: REL05-BP02 Throttle requests
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload (per-customer limits)
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/
#     description: OWASP API Security Top 10, API4 Unrestricted Resource Consumption
# custom:
#   id: PR234
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL05-BP02]
#   params:
#     max_oversubscription_percent:
#       description: most the expected clients at their limits may add up to, as a share of the planned capacity
#       tiers: [100, 150, 200, 300]
#   frameworks:
#     production-readiness: capacity
#     well-architected: reliability
#   remediation: |-
#     State how many clients are expected at once
#     (`apis[].rate_limit.expected_clients`) and the plan's peak and headroom
#     (`capacity.peak_rps`, `capacity.headroom_percent`); lower
#     `apis[].rate_limit.requests_per_second` until the clients together fit
#     the capacity, or plan for more capacity.
#   applicability: At least one API limits requests per client, API key or address.
#   example: |-
#     capacity:
#       peak_rps: 1000
#       headroom_percent: 50
#     apis:
#       - name: orders
#         rate_limit:
#           enabled: true
#           per: client
#           requests_per_second: 20
#           expected_clients: 50
package archvet.rules.production_readiness.api_per_client_rate_limit

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

per_client contains [i, api] if {
	some i, api in lib.apis
	object.get(api, ["rate_limit", "enabled"], true) != false
	object.get(api, ["rate_limit", "per"], "") in {"client", "api-key", "ip"}
}

applicable if count(per_client) > 0

# The rate the plan serves: the peak plus its headroom (none if unstated).
capacity_rps := input.capacity.peak_rps * (1 + (object.get(input, ["capacity", "headroom_percent"], 0) / 100))

deny contains lib.finding(msg, path) if {
	some [i, api] in per_client
	rate := api.rate_limit.requests_per_second
	rate > capacity_rps
	msg := sprintf(
		"api %q lets one client send %v requests per second, more than the %v the capacity plan serves",
		[api.name, rate, capacity_rps],
	)
	path := sprintf("apis[%d].rate_limit.requests_per_second", [i])
}

deny contains lib.finding(msg, path) if {
	allowed := (capacity_rps * params.max_oversubscription_percent) / 100
	some [i, api] in per_client
	rate := api.rate_limit.requests_per_second
	rate <= capacity_rps
	clients := api.rate_limit.expected_clients
	clients * rate > allowed
	msg := sprintf(
		"api %q admits %v requests per second from %d expected clients at %v each, beyond %v%% of the %v the capacity plan serves",
		[api.name, clients * rate, clients, rate, params.max_oversubscription_percent, capacity_rps],
	)
	path := sprintf("apis[%d].rate_limit.requests_per_second", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, api] in per_client
	some field in ["requests_per_second", "expected_clients"]
	not is_number(object.get(api, ["rate_limit", field], null))
	msg := sprintf("the design does not say %s for api %q", [question[field], api.name])
	path := sprintf("apis[%d].rate_limit.%s", [i, field])
}

unanswered contains lib.finding(msg, "capacity.peak_rps") if {
	applicable
	not is_number(object.get(input, ["capacity", "peak_rps"], null))
	msg := "the design does not say what peak the capacity plan serves, to judge the per-client rate limits against"
}

question := {
	"requests_per_second": "at what rate each client is limited",
	"expected_clients": "how many clients are expected at once",
}

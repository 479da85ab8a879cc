# METADATA
# title: Services with APIs state their peak, and their global rate limits together admit no more than it
# description: |-
#   Instance sizes, pools, partition counts, rate limits and autoscaling
#   bounds are all derived from expected load; without a stated peak they
#   are guesses that cannot be checked. A rate limit protects the service
#   only if it trips before the service runs out of capacity, and global
#   limits are per API: two APIs that each admit the whole planned peak
#   together admit twice what the service can carry, so overload goes
#   through untouched. The sum of the global limits across APIs must fit the
#   planned peak plus headroom. (Per-client limits against the plan and the
#   expected number of clients are judged by the production-readiness
#   capacity rules.)
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp02.html
#     description: REL05-BP02 Throttle requests
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_architecture_use_data_driven_approach.html
#     description: PERF01-BP07 Use a data-driven approach for architectural choices
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload
# custom:
#   id: WA200
#   severity: medium
#   level: proactive
#   check: reasoning
#   best_practices: [REL05-BP02, PERF01-BP07]
#   frameworks:
#     well-architected: reliability
#     production-readiness: capacity
#   remediation: |-
#     Estimate the peak request rate from traffic history or business
#     forecasts and record it as `capacity.peak_rps` with
#     `capacity.headroom_percent`. Then split that capacity among the APIs:
#     the global `apis[].rate_limit.requests_per_second` values must add up
#     to at most the peak plus headroom. If the limits are right, the
#     capacity plan is out of date: load test and raise it.
#   applicability: The service offers at least one API.
#   example: |-
#     capacity:
#       peak_rps: 1000
#       headroom_percent: 50
#     apis:
#       - name: orders
#         rate_limit:
#           enabled: true
#           per: global
#           requests_per_second: 1000
#       - name: admin
#         rate_limit:
#           enabled: true
#           per: global
#           requests_per_second: 500
#       - name: partner
#         rate_limit:
#           enabled: true
#           per: api-key
#           requests_per_second: 50
package archvet.rules.well_architected.reliability_throttle_within_capacity

import rego.v1

import data.archvet.lib

applicable if count(lib.apis) > 0

peak_rps := object.get(input, ["capacity", "peak_rps"], null)

# Load the service is planned to carry: the expected peak plus its headroom.
planned_rps := peak_rps * (1 + (object.get(input, ["capacity", "headroom_percent"], 0) / 100))

# APIs with an enabled global rate limit that states a rate.
global_limits contains [i, api.name, rps] if {
	some i, api in lib.apis
	object.get(api, ["rate_limit", "enabled"], false) == true
	object.get(api, ["rate_limit", "per"], "global") == "global"
	rps := object.get(api, ["rate_limit", "requests_per_second"], 0)
	rps > 0
}

total_rps := sum([rps | some [_, _, rps] in global_limits])

unanswered contains lib.finding(msg, "capacity.peak_rps") if {
	applicable
	peak_rps == null
	msg := "the design does not say what peak request rate the apis are built for"
}

# A global limit that is not stated cannot be added up: silence about an
# API's rate limit leaves the total the APIs admit unknown.
unanswered contains lib.finding(msg, path) if {
	applicable
	some i, api in lib.apis
	object.get(api, "rate_limit", null) == null
	msg := sprintf("the design does not say whether api %q is rate limited, so the total the apis admit is unknown", [object.get(api, "name", i)])
	path := sprintf("apis[%d].rate_limit", [i])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some i, api in lib.apis
	is_object(api.rate_limit)
	object.get(api, ["rate_limit", "enabled"], null) == null
	msg := sprintf("the design does not say whether the rate limit of api %q is enabled", [object.get(api, "name", i)])
	path := sprintf("apis[%d].rate_limit.enabled", [i])
}

unanswered contains lib.finding(msg, path) if {
	applicable
	some i, api in lib.apis
	object.get(api, ["rate_limit", "enabled"], false) == true
	object.get(api, ["rate_limit", "per"], "global") == "global"
	object.get(api, ["rate_limit", "requests_per_second"], null) == null
	msg := sprintf("the design does not say how many requests per second the global rate limit of api %q admits", [object.get(api, "name", i)])
	path := sprintf("apis[%d].rate_limit.requests_per_second", [i])
}

# One finding per global limit that takes part in the excess, so each field
# that may have to change is named.
deny contains lib.finding(msg, path) if {
	applicable
	peak_rps != null
	total_rps > planned_rps
	parts := concat(" + ", [sprintf("%s %v", [name, rps]) | some [_, name, rps] in global_limits])
	some [i, name, rps] in global_limits
	msg := sprintf(
		"the global rate limits together admit %v requests per second (%s), above the %v the service is planned to carry; api %q admits %v of it",
		[total_rps, parts, round(planned_rps), name, rps],
	)
	path := sprintf("apis[%d].rate_limit.requests_per_second", [i])
}

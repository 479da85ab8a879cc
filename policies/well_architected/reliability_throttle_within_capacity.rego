# METADATA
# title: Rate limits admit no more traffic than the service is planned to carry
# description: |-
#   A rate limit protects the service only if it trips before the service
#   runs out of capacity. A global limit set above the planned peak plus
#   headroom lets overload through untouched, and a per-client limit above
#   the whole service's capacity lets one misbehaving caller take it down
#   alone. Limits should be derived from the capacity plan, so that
#   throttling, not exhaustion, is what excess callers meet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp02.html
#     description: REL05-BP02 Throttle requests
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload (per-customer limits)
# custom:
#   id: WA200
#   severity: medium
#   level: proactive
#   frameworks:
#     well-architected: reliability
#     production-readiness: capacity
#   remediation: |-
#     Set each `apis[].rate_limit.requests_per_second` from the capacity plan:
#     a global limit at or below `capacity.peak_rps` plus
#     `capacity.headroom_percent`, and a per-client, per-key or per-IP limit
#     well below it, so that no single caller can use the whole service. If
#     the limits are right, the capacity plan is out of date: load test and
#     raise it.
#   applicability: The design states the expected peak load and at least one API has an enabled rate limit with a rate.
#   example: |-
#     capacity:
#       peak_rps: 1000
#       headroom_percent: 50
#     apis:
#       - name: orders
#         rate_limit:
#           enabled: true
#           per: global
#           requests_per_second: 1200
#       - name: partner
#         rate_limit:
#           enabled: true
#           per: api-key
#           requests_per_second: 50
package archvet.rules.well_architected.reliability_throttle_within_capacity

import rego.v1

import data.archvet.lib

peak_rps := lib.get(input, ["capacity", "peak_rps"], 0)

# Load the service is planned to carry: the expected peak plus its headroom.
planned_rps := peak_rps * (1 + (lib.get(input, ["capacity", "headroom_percent"], 0) / 100))

# APIs with an enabled rate limit that states a rate.
limited_apis contains [i, api] if {
	some i, api in lib.apis
	lib.get(api, ["rate_limit", "enabled"], false) == true
	lib.get(api, ["rate_limit", "requests_per_second"], 0) > 0
}

applicable if {
	peak_rps > 0
	count(limited_apis) > 0
}

deny contains lib.finding(msg, path) if {
	peak_rps > 0
	some [i, api] in limited_apis
	lib.get(api, ["rate_limit", "per"], "global") == "global"
	limit := api.rate_limit.requests_per_second
	limit > planned_rps
	msg := sprintf(
		"api %q admits up to %v requests per second in total, above the %v the service is planned to carry",
		[api.name, limit, round(planned_rps)],
	)
	path := sprintf("apis[%d].rate_limit.requests_per_second", [i])
}

deny contains lib.finding(msg, path) if {
	peak_rps > 0
	some [i, api] in limited_apis
	per := lib.get(api, ["rate_limit", "per"], "global")
	per != "global"
	limit := api.rate_limit.requests_per_second
	limit > planned_rps
	msg := sprintf(
		"api %q lets a single %s send %v requests per second, above the %v the whole service is planned to carry",
		[api.name, per, limit, round(planned_rps)],
	)
	path := sprintf("apis[%d].rate_limit.requests_per_second", [i])
}

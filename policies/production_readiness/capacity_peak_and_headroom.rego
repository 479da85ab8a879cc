# METADATA
# title: Peak load is estimated and capacity is provisioned with headroom
# description: |-
#   A service sized for its average load falls over at the first marketing
#   campaign, end-of-month batch or retry storm. The design needs a number for
#   the expected peak and a declared margin above it, so that a spike, a slow
#   dependency or the loss of a few instances does not push the service past
#   saturation while autoscaling catches up. A service that must survive the
#   loss of a zone (every tier 0 to 2 service, see PR307) needs a margin that
#   carries the whole peak on the zones that are left without waiting for new
#   capacity, since scaling is least reliable during exactly that kind of
#   event: across N zones that is 100/(N-1) percent.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_adapt_to_changes_proactive_adapt_auto.html
#     description: REL07-BP03 Obtain resources upon detection that more resources are needed for a workload
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_static_stability.html
#     description: REL11-BP05 Use static stability to prevent bimodal behavior
#   - ref: https://sre.google/sre-book/handling-overload/
#     description: Google SRE book, Handling Overload
# custom:
#   id: PR313
#   severity: medium
#   tier_severity: [high, medium, medium, low]
#   level: proactive
#   check: reasoning
#   best_practices: [REL07-BP03, REL11-BP05]
#   frameworks:
#     production-readiness: capacity
#     well-architected: reliability
#   params:
#     min_headroom_percent:
#       description: least spare capacity above the expected peak, in percent
#       tiers: [40, 30, 20, 20]
#   remediation: |-
#     Estimate the expected peak (requests or messages per second) from
#     traffic history and business forecasts and record it in
#     `capacity.peak_rps`. Provision at least 40% headroom above it at tier 0,
#     30% at tier 1 and 20% at tier 2, and record it in
#     `capacity.headroom_percent`. A service that must survive a zone loss
#     across N zones needs at least 100/(N-1)%: 50% over three zones, 100%
#     over two.
#   applicability: |-
#     Services of tier 0, 1 or 2. The peak estimate itself is checked here only
#     for services without APIs; WA335 asks it of services with APIs.
#   example: |-
#     deployment:
#       availability_zones: 3
#     capacity:
#       peak_rps: 1200
#       headroom_percent: 50
package archvet.rules.production_readiness.capacity_peak_and_headroom

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

peak := object.get(input, ["capacity", "peak_rps"], null)

headroom := object.get(input, ["capacity", "headroom_percent"], null)

zones := object.get(input, ["deployment", "availability_zones"], 1)

applicable if lib.tier <= 2

# Services with APIs are asked for their peak by WA335; this covers workers
# and consumers, whose peak is a message or job rate.
unanswered contains lib.finding(msg, "capacity.peak_rps") if {
	lib.tier <= 2
	count(lib.apis) == 0
	peak == null
	msg := "the design does not estimate the expected peak load (messages or jobs per second for a worker)"
}

unanswered contains lib.finding("the design does not say how much spare capacity is kept above the expected peak", "capacity.headroom_percent") if {
	lib.tier <= 2
	headroom == null
}

deny contains lib.finding(msg, "capacity.headroom_percent") if {
	lib.tier <= 2
	headroom != null
	headroom < params.min_headroom_percent
	msg := sprintf(
		"%v%% headroom above the expected peak is too little; a tier %d service should keep at least %v%%",
		[headroom, lib.tier, params.min_headroom_percent],
	)
}

# Static stability: after losing one of N zones, the remaining N-1 must carry
# the whole peak, which needs 100/(N-1) percent spare capacity. Every tier
# that must survive a zone loss (PR307: tiers 0 to 2) is held to it.
deny contains lib.finding(msg, "capacity.headroom_percent") if {
	lib.tier <= 2
	headroom != null
	headroom >= params.min_headroom_percent
	zones >= 2
	needed := 100 / (zones - 1)
	headroom < needed
	msg := sprintf(
		"with %v%% headroom the service cannot carry its peak after losing one of its %v zones without scaling first; it needs %v%%",
		[headroom, zones, round(needed)],
	)
}

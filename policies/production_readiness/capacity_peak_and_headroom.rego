# METADATA
# title: Peak load is estimated and capacity is provisioned with headroom
# description: |-
#   A service sized for its average load falls over at the first marketing
#   campaign, end-of-month batch or retry storm. The design needs a number for
#   the expected peak and a declared margin above it, so that a spike, a slow
#   dependency or the loss of a few instances does not push the service past
#   saturation while autoscaling catches up. For a tier 0 service that spans
#   zones, the margin should also carry the load of a lost zone without
#   waiting for new capacity, since scaling is least reliable during exactly
#   that kind of event.
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
#   level: proactive
#   frameworks:
#     production-readiness: capacity
#     well-architected: reliability
#   remediation: |-
#     Estimate the expected peak (requests or messages per second) from
#     traffic history and business forecasts and record it in
#     `capacity.peak_rps`. Provision at least 30% headroom above it for tier 0
#     and 1 services (20% for tier 2) and record it in
#     `capacity.headroom_percent`. A tier 0 service across N zones needs at
#     least 100/(N-1)% to lose a zone without scaling.
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

peak := lib.get(input, ["capacity", "peak_rps"], null)

headroom := lib.get(input, ["capacity", "headroom_percent"], null)

zones := lib.get(input, ["deployment", "availability_zones"], 1)

min_headroom := 30 if lib.critical

else := 20

applicable if lib.tier <= 2

# Services with APIs are asked for their peak by WA335; this covers workers
# and consumers, whose peak is a message or job rate.
deny contains lib.finding(msg, "capacity.peak_rps") if {
	lib.tier <= 2
	count(lib.apis) == 0
	peak == null
	msg := "the design does not estimate the expected peak load (messages or jobs per second for a worker)"
}

deny contains lib.finding("the design does not say how much spare capacity is kept above the expected peak", "capacity.headroom_percent") if {
	lib.tier <= 2
	headroom == null
}

deny contains lib.finding(msg, "capacity.headroom_percent") if {
	lib.tier <= 2
	headroom != null
	headroom < min_headroom
	msg := sprintf("%v%% headroom above the expected peak is too little; a tier %d service should keep at least %v%%", [headroom, lib.tier, min_headroom])
}

# Static stability: after losing one of N zones, the remaining N-1 must carry
# the whole peak, which needs 100/(N-1) percent spare capacity.
deny contains lib.finding(msg, "capacity.headroom_percent") if {
	lib.tier == 0
	headroom != null
	headroom >= min_headroom
	zones >= 2
	needed := 100 / (zones - 1)
	headroom < needed
	msg := sprintf("with %v%% headroom the service cannot carry its peak after losing one of its %v zones without scaling first; it needs %v%%", [headroom, zones, round(needed)])
}

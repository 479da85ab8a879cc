# METADATA
# title: Enough instances run to lose a zone and still survive another failure (N+2 at tier 0)
# description: |-
#   With a single instance, every crash, node failure, kernel patch and
#   deploy is an outage, and scaling from one is always too late. Two is the
#   least that lets one instance fail or be replaced while the other serves.
#   A tier 0 service needs more: while one instance is down for a deploy or
#   a node drain, another can fail, so it keeps two spares (N+2). When the
#   service spreads over several availability zones, the minimum must cover
#   every zone, and after the busiest zone is lost the instances left must
#   still be enough to absorb the next failure; otherwise the claimed zone
#   redundancy exists only on paper.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_static_stability.html
#     description: REL11-BP05 Use static stability to prevent bimodal behavior
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
#   - ref: https://sre.google/sre-book/launch-checklist/
#     description: Google SRE book, Launch Coordination Checklist (N+2 redundancy)
# custom:
#   id: PR312
#   severity: high
#   level: reactive
#   check: reasoning
#   best_practices: [REL11-BP05, REL10-BP01]
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   params:
#     min_replicas_count:
#       description: fewest instances that must always run
#       tiers: [3, 2, 2, 1]
#     min_after_zone_loss_count:
#       description: fewest instances left after the zone holding the most instances is lost
#       tiers: [2, 1, 1, 0]
#   remediation: |-
#     Set `processes.scaling.min_replicas` to at least 3 at tier 0 and 2 at
#     tiers 1 and 2, and to at least `deployment.availability_zones`, and
#     spread the instances with zone-aware scheduling (topology spread
#     constraints or zone-balanced groups) so that losing the busiest zone
#     still leaves two instances at tier 0 and one at tiers 1 and 2.
#   applicability: Services of tier 0, 1 or 2 that do not run on a serverless platform.
#   example: |-
#     deployment:
#       platform: kubernetes
#       availability_zones: 3
#     processes:
#       scaling:
#         min_replicas: 3
package archvet.rules.production_readiness.availability_min_replicas

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

min_replicas := object.get(input, ["processes", "scaling", "min_replicas"], null)

zones := object.get(input, ["deployment", "availability_zones"], 1)

applicable if {
	lib.tier <= 2
	object.get(input, ["deployment", "platform"], "") != "serverless"
}

unanswered contains lib.finding(msg, "processes.scaling.min_replicas") if {
	applicable
	min_replicas == null
	msg := "the design does not say how many instances run at least"
}

deny contains lib.finding(msg, "processes.scaling.min_replicas") if {
	applicable
	is_number(min_replicas)
	min_replicas < params.min_replicas_count
	msg := sprintf(
		"only %v instance(s) run at minimum; a tier %d service needs at least %v so one can fail while another is replaced",
		[min_replicas, lib.tier, params.min_replicas_count],
	)
}

deny contains lib.finding(msg, "processes.scaling.min_replicas") if {
	applicable
	is_number(min_replicas)
	min_replicas >= params.min_replicas_count
	min_replicas < zones
	msg := sprintf("a minimum of %v instances cannot cover the %v availability zones the service spans", [min_replicas, zones])
}

# Instances spread evenly over the zones; the busiest zone holds the
# rounded-up share, and losing it leaves the rest.
deny contains lib.finding(msg, "processes.scaling.min_replicas") if {
	applicable
	is_number(min_replicas)
	min_replicas >= zones
	zones >= 2
	left := min_replicas - ceil(min_replicas / zones)
	left < params.min_after_zone_loss_count
	msg := sprintf(
		"after losing one of %v zones only %v of the %v instances remain; a tier %d service needs %v left to absorb the next failure",
		[zones, left, min_replicas, lib.tier, params.min_after_zone_loss_count],
	)
}

unanswered contains lib.finding(msg, "deployment.availability_zones") if {
	applicable
	is_number(min_replicas)
	min_replicas >= params.min_replicas_count
	object.get(input, ["deployment", "availability_zones"], null) == null
	msg := "the design does not say how many availability zones the service spans, so the spread of its instances cannot be checked"
}

# METADATA
# title: At least two instances always run, one per zone used
# description: |-
#   With a single instance, every crash, node failure, kernel patch and
#   deploy is an outage, and scaling from one is always too late. Two is the
#   least that lets one instance fail or be replaced while the other serves.
#   When the service spreads over several availability zones, the minimum
#   must also cover every zone, otherwise the zone without an instance gives
#   no protection and the claimed zone redundancy exists only on paper.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_static_stability.html
#     description: REL11-BP05 Use static stability to prevent bimodal behavior
# custom:
#   id: PR312
#   severity: high
#   level: reactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Set `processes.scaling.min_replicas` to at least 2, and to at least
#     `deployment.availability_zones` when the service spans zones, and spread
#     the instances with zone-aware scheduling (topology spread constraints or
#     zone-balanced groups).
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

min_replicas := lib.get(input, ["processes", "scaling", "min_replicas"], null)

zones := lib.get(input, ["deployment", "availability_zones"], 1)

applicable if {
	lib.tier <= 2
	lib.get(input, ["deployment", "platform"], "") != "serverless"
}

deny contains lib.finding(msg, "processes.scaling.min_replicas") if {
	applicable
	min_replicas == null
	msg := "the design does not say how many instances run at least"
}

deny contains lib.finding(msg, "processes.scaling.min_replicas") if {
	applicable
	min_replicas != null
	min_replicas < 2
	msg := sprintf("only %v instance(s) run at minimum; a tier %d service needs at least 2 so one can fail or be replaced", [min_replicas, lib.tier])
}

deny contains lib.finding(msg, "processes.scaling.min_replicas") if {
	applicable
	min_replicas != null
	min_replicas >= 2
	min_replicas < zones
	msg := sprintf("a minimum of %v instances cannot cover the %v availability zones the service spans", [min_replicas, zones])
}

# METADATA
# title: The service survives the loss of an availability zone
# description: |-
#   Whole availability zones do go dark: power, cooling, networking or a bad
#   change at the provider. A service whose instances, load balancer entry
#   points or state all sit in one zone goes down with it, and the recovery
#   then depends on how fast the provider fixes its own problem. Anything
#   carrying revenue or other services (tiers 0 to 2) should run across at
#   least two zones, with enough capacity left to carry the load when one of
#   them is gone.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
#   - ref: https://sre.google/sre-book/production-environment/
#     description: Google SRE book, The Production Environment at Google (failure domains)
# custom:
#   id: PR307
#   best_practices: [REL10-BP01]
#   severity: high
#   check: reasoning
#   level: reactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Spread instances across at least two zones (three is better), make the
#     load balancer and every stateful dependency zone-redundant, and record
#     `deployment.availability_zones` and `disaster_recovery.multi_az: true`.
#   applicability: Services of tier 0, 1 or 2.
#   example: |-
#     deployment:
#       availability_zones: 3
#     disaster_recovery:
#       multi_az: true
package archvet.rules.production_readiness.dr_multi_az

import rego.v1

import data.archvet.lib

multi_az := object.get(input, ["disaster_recovery", "multi_az"], null)

zones := object.get(input, ["deployment", "availability_zones"], null)

applicable if lib.tier <= 2

deny contains lib.finding(msg, "disaster_recovery.multi_az") if {
	lib.tier <= 2
	multi_az == false
	msg := sprintf("the design says the service does not survive the loss of an availability zone, which a tier %d service must", [lib.tier])
}

deny contains lib.finding(msg, "deployment.availability_zones") if {
	lib.tier <= 2
	multi_az == null
	zones != null
	zones < 2
	msg := sprintf("the service runs in a single availability zone; a tier %d service must survive the loss of one", [lib.tier])
}

deny contains lib.finding(msg, "deployment.availability_zones") if {
	lib.tier <= 2
	multi_az == true
	zones != null
	zones < 2
	msg := "the design claims the service survives a zone loss, but it runs in a single availability zone"
}

unanswered contains lib.finding(msg, "disaster_recovery.multi_az") if {
	lib.tier <= 2
	multi_az == null
	zones == null
	msg := "the design does not say whether the service survives the loss of an availability zone"
}

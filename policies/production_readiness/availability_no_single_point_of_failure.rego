# METADATA
# title: No known single point of failure remains
# description: |-
#   A single point of failure is a component whose loss alone takes the
#   service down: one database instance, one NAT gateway, one license server,
#   one cron host. Redundancy elsewhere does not help while such a component
#   remains, and its failure is only a matter of time. The design should show
#   that the team looked for them, and a service of tier 0 to 2 should have
#   none left; each listed one is a planned outage waiting for a date.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html
#     description: REL10-BP01 Deploy the workload to multiple locations
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_withstand_component_failures_failover2good.html
#     description: REL11-BP02 Fail over to healthy resources
# custom:
#   id: PR311
#   best_practices: [REL10-BP01, REL11-BP02]
#   severity: high
#   check: threshold
#   level: reactive
#   frameworks:
#     production-readiness: resilience
#     well-architected: reliability
#   remediation: |-
#     Walk the request path and every background job and list each component
#     without a redundant peer in `deployment.single_points_of_failure`. Then
#     make each one redundant (replicas, a standby with automatic failover, a
#     managed multi-zone equivalent) or move it off the critical path, and
#     remove it from the list. Record an empty list once none remain.
#   applicability: Services of tier 0, 1 or 2.
#   example: |-
#     deployment:
#       single_points_of_failure: []
package archvet.rules.production_readiness.availability_no_single_point_of_failure

import rego.v1

import data.archvet.lib

spofs := object.get(input, ["deployment", "single_points_of_failure"], null)

applicable if lib.tier <= 2

unanswered contains lib.finding(msg, "deployment.single_points_of_failure") if {
	lib.tier <= 2
	spofs == null
	msg := "the design does not say whether any single point of failure remains"
}

deny contains lib.finding(msg, path) if {
	lib.tier <= 2
	some i, component in spofs
	msg := sprintf("%q is a single point of failure in a tier %d service", [component, lib.tier])
	path := sprintf("deployment.single_points_of_failure[%d]", [i])
}

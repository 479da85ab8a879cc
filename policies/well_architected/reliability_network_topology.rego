# METADATA
# title: The network path survives a zone loss, and DNS moves users off a lost region within the RTO
# description: |-
#   Replicas in several zones do not help if every request still enters
#   through one load balancer, one gateway or one link: the network path is
#   then the single point of failure the compute layer was built to avoid.
#   Across regions the path is DNS. A standby region serves nobody until
#   DNS sends users to it, which needs health-checked failover rather than
#   a manual change, and clients keep resolving to the lost region for as
#   long as the record's TTL. A TTL longer than the recovery time objective
#   makes the RTO a promise the network cannot keep.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_planning_network_topology_ha_conn_users.html
#     description: REL02-BP01 Use highly available network connectivity for your workload public endpoints
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_planning_network_topology_ha_conn_private_networks.html
#     description: REL02-BP02 Provision redundant connectivity between private networks in the cloud and on-premises environments
#   - ref: https://sre.google/sre-book/load-balancing-frontend/
#     description: Google SRE book, Load Balancing at the Frontend (DNS)
# custom:
#   id: WA401
#   severity: high
#   level: proactive
#   check: reasoning
#   best_practices: [REL02-BP01, REL02-BP02]
#   params:
#     max_dns_ttl_seconds:
#       description: longest TTL of the service's public DNS records
#       tiers: [60, 300, 300, 3600]
#   frameworks:
#     well-architected: reliability
#     production-readiness: resilience
#   remediation: |-
#     Put load balancers, gateways and links in every zone the service runs
#     in and set `deployment.network.redundant_connectivity: true`. For a
#     service that runs in, or fails over to, a second region, use
#     health-checked DNS failover (`dns_failover: true`) with a TTL within the
#     tier's limit and well inside `disaster_recovery.rto_minutes`
#     (`dns_ttl_seconds`).
#   applicability: Services of tier 0 to 2.
#   example: |-
#     deployment:
#       regions: [eu-west-1, eu-central-1]
#       network:
#         redundant_connectivity: true
#         dns_failover: true
#         dns_ttl_seconds: 60
#     disaster_recovery:
#       multi_region: true
#       strategy: warm-standby
#       rto_minutes: 30
package archvet.rules.well_architected.reliability_network_topology

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if lib.tier <= 2

network := object.get(input, ["deployment", "network"], {})

ttl := object.get(network, "dns_ttl_seconds", null)

rto := object.get(input, ["disaster_recovery", "rto_minutes"], null)

# The service serves from, or fails over to, more than one region.
multi_region if object.get(input, ["disaster_recovery", "multi_region"], null) == true

multi_region if count(object.get(input, ["deployment", "regions"], [])) > 1

deny contains lib.finding(msg, "deployment.network.redundant_connectivity") if {
	applicable
	object.get(network, "redundant_connectivity", null) == false
	msg := "every request enters through a network path that is not redundant across zones, a single point of failure"
}

deny contains lib.finding(msg, "deployment.network.dns_failover") if {
	applicable
	multi_region
	object.get(network, "dns_failover", null) == false
	msg := "the service runs in a second region, but moving users to it takes a manual DNS change"
}

deny contains lib.finding(msg, "deployment.network.dns_ttl_seconds") if {
	applicable
	ttl != null
	ttl > params.max_dns_ttl_seconds
	msg := sprintf(
		"a dns ttl of %vs keeps clients on a failed endpoint too long; a tier %d service should stay within %vs",
		[ttl, lib.tier, params.max_dns_ttl_seconds],
	)
}

# The TTL against the RTO: clients resolve to the lost region until their
# cached record expires, whatever the standby is ready to do.
deny contains lib.finding(msg, "deployment.network.dns_ttl_seconds") if {
	applicable
	multi_region
	ttl != null
	rto != null
	ttl > rto * 60
	msg := sprintf("clients may keep resolving to a lost region for %vs, longer than the %v-minute rto", [ttl, rto])
}

unanswered contains lib.finding(msg, "deployment.network.redundant_connectivity") if {
	applicable
	object.get(network, "redundant_connectivity", null) == null
	msg := "the design does not say whether the network path into the service is redundant across zones"
}

unanswered contains lib.finding(msg, "deployment.network.dns_failover") if {
	applicable
	multi_region
	object.get(network, "dns_failover", null) == null
	msg := "the design does not say how users are moved to the second region when one is lost"
}

unanswered contains lib.finding(msg, "deployment.network.dns_ttl_seconds") if {
	applicable
	multi_region
	ttl == null
	msg := "the design does not say the dns ttl, so how long clients stay on a lost region is unknown"
}

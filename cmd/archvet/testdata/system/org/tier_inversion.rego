# METADATA
# title: A critical service does not wait on a less critical one
# description: |-
#   A hard, synchronous dependency on a service of a less critical tier
#   makes the caller only as available as the callee.
# related_resources:
#   - ref: https://handbook.example.com/tiers
#     description: Service tiers
# custom:
#   id: ACMESY1
#   severity: high
#   level: reactive
#   scope: system
#   frameworks:
#     ideals: deployability
#   remediation: Make the dependency soft or asynchronous, or raise the callee's tier.
#   applicability: The review is checked with others, as a system.
package archvet.system.acme.tier_inversion

import rego.v1

applicable if input._system

deny contains {"msg": msg, "path": path} if {
	some i, dep in input._system.dependencies
	dep.hard
	dep.sync
	dep.callee.tier > input.service.tier
	msg := sprintf("%s (tier %d) waits on %s (tier %d), reviewed in %s", [input.service.name, input.service.tier, dep.name, dep.callee.tier, dep.callee.file])
	path := sprintf("dependencies[%d]", [i])
}

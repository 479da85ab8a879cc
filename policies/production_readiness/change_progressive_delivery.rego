# METADATA
# title: Releases go out progressively and can be switched back quickly
# description: |-
#   Most outages start with a change. A release that replaces everything at
#   once (recreate) or by hand exposes every user to a bad build and leaves
#   no old version to return to. Canary releases expose a small share of
#   traffic first; blue-green keeps the previous fleet ready to take traffic
#   back in seconds, but still moves all traffic in one step, so a defect
#   that health checks miss hits everyone at once. Rolling updates are
#   acceptable for tier 2, but for tier 0 and 1 they mix versions for the
#   whole rollout and roll back no faster than they rolled forward. A tier 0
#   service is canaried. This is the one rule about `deployment.strategy`;
#   PR441 asks which kinds of change go through it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_deploy_mgmt_sys.html
#     description: OPS06-BP03 Employ safe deployment strategies
#   - ref: https://sre.google/workbook/canarying-releases/
#     description: Google SRE workbook, Canarying Releases
#   - ref: https://martinfowler.com/bliki/BlueGreenDeployment.html
#     description: Martin Fowler, BlueGreenDeployment
# custom:
#   id: PR440
#   severity: high
#   level: proactive
#   check: threshold
#   best_practices: [OPS06-BP03]
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#     ideals: deployability
#   params:
#     allowed_strategies:
#       description: release strategies accepted at each tier
#       tiers: [[canary], [canary, blue-green], [canary, blue-green, rolling], [canary, blue-green, rolling, recreate]]
#   remediation: |-
#     Deploy a tier 0 service with a canary (a small, monitored share of
#     traffic first); a tier 1 service with a canary or blue-green (a full new
#     fleet behind a switch); a tier 2 service may also use rolling updates.
#     Set `deployment.strategy` accordingly. Never deploy a service of tier 0
#     to 2 by hand or with recreate.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     deployment:
#       strategy: canary
package archvet.rules.production_readiness.change_progressive_delivery

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if lib.tier <= 2

strategy := object.get(input, ["deployment", "strategy"], null)

why := {
	"recreate": "takes every instance down at once",
	"manual": "is rolled out by hand",
	"rolling": "mixes versions for the whole rollout and rolls back no faster than it rolled forward",
	"blue-green": "moves all traffic in one step, so a defect the checks miss reaches every user",
}

unanswered contains lib.finding("the design does not say how a release replaces the previous one", "deployment.strategy") if {
	applicable
	strategy == null
}

deny contains lib.finding(msg, "deployment.strategy") if {
	applicable
	is_string(strategy)
	not strategy in params.allowed_strategies
	msg := sprintf(
		"releases use %s, which %s; a tier %d service should use %s",
		[strategy, object.get(why, strategy, "is not a progressive rollout"), lib.tier, concat(" or ", params.allowed_strategies)],
	)
}

# METADATA
# title: Releases go out progressively and can be switched back quickly
# description: |-
#   Most outages start with a change. A release that replaces everything at
#   once (recreate) or by hand exposes every user to a bad build and leaves
#   no old version to return to. Canary releases expose a small share of
#   traffic first; blue-green keeps the previous fleet ready to take traffic
#   back in seconds. Rolling updates are acceptable for tier 2, but for tier
#   0 and 1 they mix versions for the whole rollout and roll back no faster
#   than they rolled forward.
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
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#     ideals: deployability
#   remediation: |-
#     Deploy with a canary (a small, monitored share of traffic first) or
#     blue-green (a full new fleet behind a switch), and set
#     `deployment.strategy` accordingly. Never use recreate or manual
#     deployments for a service of tier 0 to 2.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     deployment:
#       strategy: canary
package archvet.rules.production_readiness.change_progressive_delivery

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

strategy := object.get(input, ["deployment", "strategy"], "")

deny contains lib.finding(msg, "deployment.strategy") if {
	strategy == ""
	msg := "the design does not say how a release replaces the previous one"
}

deny contains lib.finding(msg, "deployment.strategy") if {
	strategy == "recreate"
	msg := "releases use recreate, which takes every instance down at once; use canary or blue-green"
}

deny contains lib.finding(msg, "deployment.strategy") if {
	strategy == "manual"
	msg := "releases are rolled out by hand; use an automated canary or blue-green rollout"
}

deny contains lib.finding(msg, "deployment.strategy") if {
	lib.critical
	strategy == "rolling"
	msg := sprintf("a tier %d service uses rolling updates, which cannot send traffic back at once; use canary or blue-green", [lib.tier])
}

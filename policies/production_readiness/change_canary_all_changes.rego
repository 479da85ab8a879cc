# METADATA
# title: Every change to a tier-0 service is canaried
# description: |-
#   For a business-critical service the question is not whether a bad
#   change will ship but how many users it reaches before it is caught.
#   Blue-green still moves all traffic in one step, so a defect that health
#   checks miss hits everyone at once. A canary exposes a small, measured
#   share of real traffic first and compares it with the current version,
#   which is the cheapest way to keep most change-induced outages small.
# related_resources:
#   - ref: https://sre.google/workbook/canarying-releases/
#     description: Google SRE workbook, Canarying Releases
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_deploy_mgmt_sys.html
#     description: OPS06-BP03 Employ safe deployment strategies
# custom:
#   id: PR441
#   severity: medium
#   level: strategic
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#     ideals: deployability
#   remediation: |-
#     Roll every release of a tier-0 service out as a canary (one instance,
#     cell or small traffic share first, then widening stages), and set
#     `deployment.strategy: canary`. Apply the same path to configuration
#     changes where the platform allows.
#   applicability: Tier 0 services.
#   example: |-
#     deployment:
#       strategy: canary
#       canary_analysis: true
package archvet.rules.production_readiness.change_canary_all_changes

import rego.v1

import data.archvet.lib

applicable if lib.tier == 0

deny contains lib.finding(msg, "deployment.strategy") if {
	strategy := object.get(input, ["deployment", "strategy"], "")
	strategy != "canary"
	msg := canary_msg(strategy)
}

canary_msg("") := "the design does not say that changes to this tier 0 service are canaried"

canary_msg(strategy) := sprintf("this tier 0 service deploys with %s rather than a canary, so a bad change reaches all users at once", [strategy]) if strategy != ""

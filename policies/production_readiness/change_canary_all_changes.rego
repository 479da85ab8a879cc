# METADATA
# title: Every kind of change to a critical service goes through the progressive rollout
# description: |-
#   Binaries are not the only changes that break production. A configuration
#   push, a feature-flag flip or an infrastructure change reaches every user
#   at once unless it goes through the same staged, monitored rollout as the
#   code, and post-mortems show such changes cause a large share of outages.
#   The release strategy itself is PR440's question; this rule asks which
#   kinds of change the rollout covers.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_deploy_mgmt_sys.html
#     description: OPS06-BP03 Employ safe deployment strategies
#   - ref: https://sre.google/workbook/canarying-releases/
#     description: Google SRE workbook, Canarying Releases
#   - ref: https://sre.google/sre-book/launch-checklist/
#     description: Google SRE book, Launch Coordination Checklist (change control for data and configs)
# custom:
#   id: PR441
#   severity: medium
#   level: strategic
#   check: presence
#   best_practices: [OPS06-BP03]
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   params:
#     required_change_kinds:
#       description: kinds of change that must go through the progressive rollout at each tier
#       tiers: [[code, config, feature-flags, infrastructure], [code, config, feature-flags], [code], [code]]
#   remediation: |-
#     Send configuration, feature-flag and infrastructure changes through the
#     same staged rollout as code (a canary cell or region first, automatic
#     comparison, then the rest) and list them in
#     `deployment.progressive_changes`.
#   applicability: Tier 0 and 1 services.
#   example: |-
#     deployment:
#       strategy: canary
#       progressive_changes: [code, config, feature-flags, infrastructure]
package archvet.rules.production_readiness.change_canary_all_changes

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if lib.critical

covered := object.get(input, ["deployment", "progressive_changes"], null)

deny contains lib.finding(msg, "deployment.progressive_changes") if {
	applicable
	is_array(covered)
	some kind in params.required_change_kinds
	not kind in covered
	msg := sprintf("%s changes to this tier %d service skip the progressive rollout and reach every user at once", [kind, lib.tier])
}

unanswered contains lib.finding(msg, "deployment.progressive_changes") if {
	applicable
	covered == null
	msg := "the design does not say which kinds of change (code, config, feature flags, infrastructure) go through the progressive rollout"
}

# METADATA
# title: Canary health is judged automatically against the baseline
# description: |-
#   A canary is only as good as the decision to promote it. When a person
#   eyeballs dashboards, small regressions on a few percent of traffic hide
#   in noise, and promotion happens because the wait felt long enough.
#   Automated analysis compares the canary's error rate, latency and
#   saturation with the current version under the same traffic, and stops
#   or reverts the rollout when the difference is significant.
# related_resources:
#   - ref: https://sre.google/workbook/canarying-releases/
#     description: Google SRE workbook, Canarying Releases (evaluating canaries)
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_auto_testing_and_rollback.html
#     description: OPS06-BP04 Automate testing and rollback
# custom:
#   id: PR444
#   best_practices: [OPS06-BP04]
#   severity: medium
#   check: presence
#   level: strategic
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   remediation: |-
#     Add automated canary analysis to the pipeline (compare canary and
#     baseline on the golden signals over a fixed window, fail the stage on
#     a significant regression) and set `deployment.canary_analysis: true`.
#   applicability: Services deployed with the canary strategy.
#   example: |-
#     deployment:
#       strategy: canary
#       canary_analysis: true
package archvet.rules.production_readiness.change_canary_analysis

import rego.v1

import data.archvet.lib

applicable if input.deployment.strategy == "canary"

analysis := object.get(input, ["deployment", "canary_analysis"], null)

unanswered contains lib.finding(msg, "deployment.canary_analysis") if {
	analysis == null
	msg := "the design does not say how canary health is judged"
}

deny contains lib.finding(msg, "deployment.canary_analysis") if {
	analysis == false
	msg := "canaries are promoted without automated comparison against the baseline"
}

# METADATA
# title: Bad releases of tier 0 and 1 services roll back automatically
# description: |-
#   When a release starts failing, the fastest safe action is to undo it,
#   and a machine watching health checks and SLO burn can decide that in
#   seconds, at any hour, without first paging someone. Automatic rollback
#   turns many would-be incidents into brief blips and removes the
#   temptation to debug forward in production while users wait. It also
#   needs a signal to act on: health checks, canary analysis or SLO burn.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_auto_testing_and_rollback.html
#     description: OPS06-BP04 Automate testing and rollback
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_tracking_change_management_automated_changemgmt.html
#     description: REL08-BP05 Deploy changes with automation
# custom:
#   id: PR442
#   best_practices: [OPS06-BP04]
#   severity: high
#   check: reasoning
#   level: proactive
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   remediation: |-
#     Have the deployment pipeline watch health checks, error rate and SLO
#     burn during and after each rollout stage and revert to the last good
#     release when they degrade. Set `deployment.rollback.automated: true`,
#     and declare the signal it acts on (`processes.health_checks`,
#     `deployment.canary_analysis` or SLOs with `burn_rate_alerts`).
#   applicability: Services of tier 0 and 1.
#   example: |-
#     processes:
#       health_checks:
#         readiness: /healthz/ready
#     deployment:
#       strategy: canary
#       canary_analysis: true
#       rollback:
#         automated: true
#         tested: true
package archvet.rules.production_readiness.change_automated_rollback

import rego.v1

import data.archvet.lib

applicable if lib.critical

automated := object.get(input, ["deployment", "rollback", "automated"], null)

unanswered contains lib.finding(msg, "deployment.rollback.automated") if {
	automated == null
	msg := "the design does not say whether a failing release is rolled back automatically"
}

deny contains lib.finding(msg, "deployment.rollback.automated") if {
	automated == false
	msg := sprintf("a failing release of this tier %d service is rolled back only by hand", [lib.tier])
}

deny contains lib.finding(msg, "deployment.rollback.automated") if {
	automated == true
	not trigger
	msg := "rollback is declared automatic but the design has no health check, canary analysis or slo burn-rate alert to trigger it"
}

# Signals an automatic rollback can act on.
trigger if object.get(input, ["processes", "health_checks", "readiness"], "") != ""

trigger if object.get(input, ["processes", "health_checks", "liveness"], "") != ""

trigger if input.deployment.canary_analysis == true

trigger if {
	some slo in lib.slos
	slo.burn_rate_alerts == true
}

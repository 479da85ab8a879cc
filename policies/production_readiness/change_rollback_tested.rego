# METADATA
# title: Rollback has been practised
# description: |-
#   A rollback path that has never been exercised fails in the ways nobody
#   checked: the previous artifact was garbage-collected, a schema migration
#   cannot be reversed, configuration moved on, or the runbook refers to a
#   pipeline step that no longer exists. Practising rollback, ideally as a
#   routine part of releasing, is how the team learns it works before an
#   outage depends on it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_plan_for_unsucessful_changes.html
#     description: OPS06-BP01 Plan for unsuccessful changes
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_auto_testing_and_rollback.html
#     description: OPS06-BP04 Automate testing and rollback
# custom:
#   id: PR443
#   best_practices: [OPS06-BP01, OPS06-BP04]
#   severity: high
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   remediation: |-
#     Roll back a release on purpose (in staging regularly, and in production
#     during a quiet window), including one with a database migration, fix
#     what breaks, record how long it took in `rollback.max_minutes`, and set
#     `deployment.rollback.tested: true`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     deployment:
#       rollback:
#         automated: true
#         tested: true
#         max_minutes: 5
package archvet.rules.production_readiness.change_rollback_tested

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

tested := object.get(input, ["deployment", "rollback", "tested"], null)

unanswered contains lib.finding(msg, "deployment.rollback.tested") if {
	tested == null
	msg := "the design does not say whether rollback has been practised"
}

deny contains lib.finding(msg, "deployment.rollback.tested") if {
	tested == false
	msg := "rollback has never been practised, so nobody knows whether it works"
}

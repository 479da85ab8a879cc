# METADATA
# title: Repeat incidents are recognised and counted
# description: |-
#   Each incident reviewed on its own can look like bad luck; the pattern
#   only shows when incidents are linked to earlier ones with the same
#   trigger or contributing factor. Counting repeats shows which action
#   items did not work, which problems deserve a structural fix rather than
#   another patch, and whether the post-mortem process is actually reducing
#   risk over time.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_evolve_ops_perform_rca_process.html
#     description: OPS11-BP02 Perform post-incident analysis
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_event_response_event_incident_problem_process.html
#     description: OPS10-BP01 Use a process for event, incident, and problem management
#   - ref: https://sre.google/workbook/postmortem-culture/
#     description: Google SRE workbook, Postmortem Culture
# custom:
#   id: PR437
#   best_practices: [OPS11-BP02, OPS10-BP01]
#   severity: low
#   check: presence
#   level: strategic
#   frameworks:
#     production-readiness: incident-response
#     well-architected: operational-excellence
#   remediation: |-
#     Tag incidents with their trigger and contributing factors, link each new
#     incident to earlier ones that share them, review the repeat count in
#     the regular operations review, and open a problem record when a failure
#     recurs. Set `operations.postmortems.repeat_incidents_tracked: true`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     operations:
#       postmortems:
#         blameless: true
#         action_items_tracked: true
#         repeat_incidents_tracked: true
package archvet.rules.production_readiness.incident_repeat_tracking

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

tracked := object.get(input, ["operations", "postmortems", "repeat_incidents_tracked"], null)

unanswered contains lib.finding(msg, "operations.postmortems.repeat_incidents_tracked") if {
	tracked == null
	msg := "the design does not say whether repeat incidents are recognised and counted"
}

deny contains lib.finding(msg, "operations.postmortems.repeat_incidents_tracked") if {
	tracked == false
	msg := "repeat incidents are not tracked, so recurring failures look like isolated bad luck"
}

# METADATA
# title: Infrastructure is defined as version-controlled code
# description: |-
#   Infrastructure built by clicking in a console cannot be reviewed before
#   it changes, reproduced in another region, or restored exactly after a
#   mistake, and it drifts silently between environments. Defining it as
#   code in version control gives every infrastructure change the same
#   review, history, testing and rollback as application code, and lets
#   staging be a faithful copy of production.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_dev_integ_version_control.html
#     description: OPS05-BP01 Use version control
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_tracking_change_management_automated_changemgmt.html
#     description: REL08-BP05 Deploy changes with automation
# custom:
#   id: WA100
#   severity: medium
#   level: reactive
#   check: presence
#   best_practices: [OPS05-BP01, REL08-BP05]
#   frameworks:
#     well-architected: operational-excellence
#     production-readiness: change-management
#   remediation: |-
#     Describe the service's infrastructure (network, compute, stores,
#     queues, permissions, alerts) with an infrastructure-as-code tool, keep
#     it in version control next to the service, apply it only through the
#     pipeline, and set `deployment.infrastructure_as_code: true`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     deployment:
#       infrastructure_as_code: true
package archvet.rules.well_architected.ops_infrastructure_as_code

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

iac := object.get(input, ["deployment", "infrastructure_as_code"], null)

unanswered contains lib.finding(msg, "deployment.infrastructure_as_code") if {
	iac == null
	msg := "the design does not say whether infrastructure is defined as code"
}

deny contains lib.finding(msg, "deployment.infrastructure_as_code") if {
	iac == false
	msg := "infrastructure is changed by hand rather than defined in version-controlled code"
}

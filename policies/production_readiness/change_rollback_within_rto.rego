# METADATA
# title: Rolling back a release is faster than the recovery time objective
# description: |-
#   A bad release is the most common incident, and rolling it back is the
#   usual cure, so the time a rollback takes is a floor on how long such an
#   incident lasts. If that time is unknown, nobody can say whether the
#   service meets its recovery objective after its own deploys; if it is
#   longer than the RTO, a single bad release breaks the objective before
#   any real disaster has happened.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_plan_for_unsucessful_changes.html
#     description: OPS06-BP01 Plan for unsuccessful changes
#   - ref: https://sre.google/sre-book/release-engineering/
#     description: Google SRE book, Release Engineering
# custom:
#   id: PR447
#   severity: medium
#   level: proactive
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   remediation: |-
#     Measure how long rolling back a release takes end to end (decision,
#     pipeline, drain, warm-up) and record it in
#     `deployment.rollback.max_minutes`. If it exceeds
#     `disaster_recovery.rto_minutes`, make rollback faster (keep the previous
#     version warm, blue-green switch, smaller stages) or revisit the RTO.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     disaster_recovery:
#       rto_minutes: 30
#     deployment:
#       rollback:
#         automated: true
#         tested: true
#         max_minutes: 5
package archvet.rules.production_readiness.change_rollback_within_rto

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

rollback_minutes := object.get(input, ["deployment", "rollback", "max_minutes"], null)

rto := object.get(input, ["disaster_recovery", "rto_minutes"], null)

deny contains lib.finding(msg, "deployment.rollback.max_minutes") if {
	rollback_minutes == null
	msg := "the design does not say how long rolling back a release takes"
}

deny contains lib.finding(msg, "deployment.rollback.max_minutes") if {
	is_number(rollback_minutes)
	is_number(rto)
	rollback_minutes > rto
	msg := sprintf("rolling back takes %v minutes, longer than the %v-minute recovery time objective", [rollback_minutes, rto])
}

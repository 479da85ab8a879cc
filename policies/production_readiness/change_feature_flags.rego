# METADATA
# title: New behaviour ships behind feature flags
# description: |-
#   Feature flags separate deploying code from releasing behaviour. New
#   functionality can go to production dark, be enabled for staff or a small
#   cohort first, and be switched off in seconds without a rollback that
#   would also undo unrelated fixes. They also let small changes merge
#   continuously instead of waiting in long-lived branches that make every
#   release bigger and riskier.
# related_resources:
#   - ref: https://martinfowler.com/articles/feature-toggles.html
#     description: Pete Hodgson, Feature Toggles (aka Feature Flags)
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_mit_deploy_risks_deploy_mgmt_sys.html
#     description: OPS06-BP03 Employ safe deployment strategies
# custom:
#   id: PR445
#   best_practices: [OPS06-BP03]
#   severity: low
#   check: presence
#   level: proactive
#   frameworks:
#     production-readiness: change-management
#     well-architected: operational-excellence
#   remediation: |-
#     Adopt a feature-flag library or service, put new user-facing behaviour
#     behind flags that can be changed without a deploy, remove flags once a
#     feature is fully released, and set `deployment.feature_flags: true`.
#   applicability: Services of tier 0 to 2.
#   example: |-
#     deployment:
#       feature_flags: true
package archvet.rules.production_readiness.change_feature_flags

import rego.v1

import data.archvet.lib

applicable if lib.tier <= 2

flags := object.get(input, ["deployment", "feature_flags"], null)

unanswered contains lib.finding(msg, "deployment.feature_flags") if {
	flags == null
	msg := "the design does not say whether new behaviour ships behind feature flags"
}

deny contains lib.finding(msg, "deployment.feature_flags") if {
	flags == false
	msg := "new behaviour is released by deploying it, with no flag to switch it off"
}

# METADATA
# title: Releases reach production through an automated pipeline
# description: |-
#   Hand-run deploys are slow, differ from one engineer to the next, and are
#   the first step to skip when an incident demands a quick fix. A pipeline
#   runs the same steps every time, records what shipped, and can roll back
#   just as quickly as it rolled out. Without it, independent deployment
#   stays theoretical, because each release costs too much attention to be
#   done often.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_auto_integ_deploy.html
#     description: OPS05-BP10 Fully automate integration and deployment
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, deployability
# custom:
#   id: ID005
#   severity: high
#   level: reactive
#   frameworks:
#     ideals: deployability
#     well-architected: operational-excellence
#     production-readiness: change-management
#   remediation: |-
#     Deploy every environment, production included, from a pipeline
#     triggered by a merge or a promotion, with a rolling, blue-green or canary
#     strategy, and set `deployment.automated: true`. (Per-environment
#     `deployed_by` is checked by TF023.)
#   applicability: Every service.
#   example: |-
#     deployment:
#       automated: true
#       strategy: canary
package archvet.rules.ideals.automated_deployment

import rego.v1

import data.archvet.lib

deny contains lib.finding(msg, path) if {
	lib.get(input, ["deployment", "automated"], null) == false
	msg := "releases are deployed by hand"
	path := "deployment.automated"
}

deny contains lib.finding(msg, path) if {
	lib.get(input, ["deployment", "automated"], null) == null
	msg := "the design does not say whether releases are deployed by a pipeline"
	path := "deployment.automated"
}

deny contains lib.finding(msg, path) if {
	lib.get(input, ["deployment", "strategy"], "") == "manual"
	msg := "the release strategy is manual"
	path := "deployment.strategy"
}

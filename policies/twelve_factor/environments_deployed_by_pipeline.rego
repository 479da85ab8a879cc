# METADATA
# title: Shared environments are deployed by the pipeline
# description: |-
#   When a person deploys by hand, each environment drifts a little: a step
#   skipped here, a different flag there. What was verified in staging is
#   then not what reaches production, and the people who wrote the change
#   are kept at a distance from running it. Deploying every shared
#   environment through the same automated pipeline makes the path to
#   production repeatable and leaves a record of what went where.
# related_resources:
#   - ref: https://12factor.net/dev-prod-parity
#     description: Twelve-Factor App, X. Dev/prod parity
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_auto_integ_deploy.html
#     description: OPS05-BP10 Fully automate integration and deployment
# custom:
#   id: TF023
#   severity: medium
#   level: proactive
#   frameworks:
#     twelve-factor: dev-prod-parity
#     well-architected: operational-excellence
#     production-readiness: change-management
#   remediation: |-
#     Promote the same artifact through test, staging and production with a
#     CI/CD pipeline, remove manual deploy steps, and set
#     `deployed_by: pipeline` on each environment.
#   applicability: The design lists at least one environment other than a developer (development) environment.
#   example: |-
#     environments:
#       - name: staging
#         kind: staging
#         deployed_by: pipeline
#       - name: production
#         kind: production
#         deployed_by: pipeline
package archvet.rules.twelve_factor.environments_deployed_by_pipeline

import rego.v1

import data.archvet.lib

# Developer environments are often run by hand on a laptop; the rule covers
# the environments a team shares.
shared contains [i, env] if {
	some i, env in lib.environments
	lib.get(env, "kind", "") != "development"
}

applicable if count(shared) > 0

deny contains lib.finding(msg, path) if {
	some [i, env] in shared
	lib.get(env, "deployed_by", "") == "manual"
	msg := sprintf("environment %q is deployed by hand", [env.name])
	path := sprintf("environments[%d].deployed_by", [i])
}

deny contains lib.finding(msg, path) if {
	some [i, env] in shared
	not env.deployed_by
	msg := sprintf("the design does not say how code reaches environment %q", [env.name])
	path := sprintf("environments[%d].deployed_by", [i])
}

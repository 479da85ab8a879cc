# METADATA
# title: Pre-production environments are deployed the way production is
# description: |-
#   When a person deploys a test or staging environment by hand, each one
#   drifts a little: a step skipped here, a different flag there. What was
#   verified in staging is then not what reaches production, because it did
#   not travel the same path. Deploying every shared environment through the
#   same pipeline as production keeps the path to production itself under
#   test. (Whether production is deployed automatically is ID005's.)
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_auto_integ_deploy.html
#     description: OPS05-BP10 Fully automate integration and deployment
#   - ref: https://12factor.net/dev-prod-parity
#     description: Twelve-Factor App, X. Dev/prod parity
# custom:
#   id: TF023
#   severity: medium
#   level: proactive
#   check: threshold
#   best_practices: [OPS05-BP10]
#   params:
#     production_names:
#       description: environment names read as production when an environment states no kind
#       value: [production, prod]
#   frameworks:
#     twelve-factor: dev-prod-parity
#     well-architected: operational-excellence
#     production-readiness: change-management
#   remediation: |-
#     Promote the same artifact through test and staging with the pipeline
#     that deploys production, remove manual deploy steps, and set
#     `deployed_by: pipeline` on each environment.
#   applicability: The design lists at least one shared pre-production environment (not development, not production).
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

params := lib.params(rego.metadata.chain())

is_production(env) if env.kind == "production"

is_production(env) if {
	not env.kind
	lower(env.name) in params.production_names
}

# Developer environments are often run by hand on a laptop, and production
# is ID005's: the rule covers the environments in between.
shared contains [i, env] if {
	some i, env in lib.environments
	object.get(env, "kind", "") != "development"
	not is_production(env)
}

applicable if count(shared) > 0

deny contains lib.finding(msg, path) if {
	some [i, env] in shared
	env.deployed_by == "manual"
	msg := sprintf("environment %q is deployed by hand", [env.name])
	path := sprintf("environments[%d].deployed_by", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, env] in shared
	not env.deployed_by
	msg := sprintf("the design does not say how code reaches environment %q", [env.name])
	path := sprintf("environments[%d].deployed_by", [i])
}

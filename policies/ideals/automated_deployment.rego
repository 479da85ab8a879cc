# METADATA
# title: Releases reach production through an automated pipeline
# description: |-
#   Hand-run deploys are slow, differ from one engineer to the next, and are
#   the first step to skip when an incident demands a quick fix. A pipeline
#   runs the same steps every time, records what shipped, and can roll back
#   just as quickly as it rolled out. Without it, independent deployment
#   stays theoretical, because each release costs too much attention to be
#   done often. This rule is the one place a manual production deploy is
#   judged: the deployment's flag and the production environments' own
#   `deployed_by` must agree. (Which rollout strategy is used is PR440's and
#   PR441's; how non-production environments are deployed is TF023's.)
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_auto_integ_deploy.html
#     description: OPS05-BP10 Fully automate integration and deployment
#   - ref: https://www.infoq.com/articles/microservices-design-ideals/
#     description: IDEALS, deployability
# custom:
#   id: ID005
#   severity: high
#   level: reactive
#   check: reasoning
#   best_practices: [OPS05-BP10]
#   params:
#     production_names:
#       description: environment names read as production when an environment states no kind
#       value: [production, prod]
#   frameworks:
#     ideals: deployability
#     well-architected: operational-excellence
#     production-readiness: change-management
#   remediation: |-
#     Deploy production from a pipeline triggered by a merge or a promotion,
#     set `deployment.automated: true`, and `deployed_by: pipeline` on every
#     production environment.
#   applicability: Every service.
#   example: |-
#     deployment:
#       automated: true
#     environments:
#       - name: production
#         kind: production
#         deployed_by: pipeline
package archvet.rules.ideals.automated_deployment

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

automated := object.get(input, ["deployment", "automated"], null)

production_envs contains [i, env] if {
	some i, env in lib.environments
	env.kind == "production"
}

production_envs contains [i, env] if {
	some i, env in lib.environments
	object.get(env, "kind", null) == null
	lower(object.get(env, "name", "")) in params.production_names
}

deny contains lib.finding("releases are deployed to production by hand", "deployment.automated") if {
	automated == false
}

# The flag says automated, but a production environment says a person
# deploys it: the design contradicts itself, and the environment is the
# more specific statement.
deny contains lib.finding(msg, path) if {
	automated != false
	some [i, env] in production_envs
	env.deployed_by == "manual"
	msg := sprintf("production environment %q is deployed by hand", [env.name])
	path := sprintf("environments[%d].deployed_by", [i])
}

unanswered contains lib.finding(msg, "deployment.automated") if {
	automated == null
	msg := "the design does not say whether releases are deployed by a pipeline"
}

# METADATA
# title: A pre-production environment runs each release before production
# description: |-
#   Dev/prod parity needs somewhere other than production to run the release
#   first. A critical service needs a staging environment, deployed the same
#   way and backed by the same kinds of services, where a release is
#   verified before users see it; a less critical one needs at least one
#   non-production environment. Without one, production is the first place
#   the assembled system runs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_multi_env.html
#     description: OPS05-BP08 Use multiple environments
#   - ref: https://12factor.net/dev-prod-parity
#     description: Twelve-Factor App, X. Dev/prod parity
# custom:
#   id: TF025
#   severity: medium
#   level: reactive
#   check: reasoning
#   best_practices: [OPS05-BP08]
#   params:
#     production_names:
#       description: environment names read as production when an environment states no kind
#       value: [production, prod]
#     pre_production_names:
#       description: environment names read as running releases before production when an environment states no kind
#       value: [staging, stage, test, qa, preprod, pre-production]
#   frameworks:
#     twelve-factor: dev-prod-parity
#     well-architected: operational-excellence
#     production-readiness: testing
#   remediation: |-
#     List the service's environments under `environments`. For tier 0 and 1
#     services add one of kind `staging` that runs the production release
#     process against the same kinds of backing services; for tier 2 at
#     least a test or staging environment.
#   applicability: Tiers 0 to 2; a tier 3 prototype or internal tool may go without one.
#   example: |-
#     environments:
#       - name: staging
#         kind: staging
#       - name: production
#         kind: production
package archvet.rules.twelve_factor.staging_environment

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

applicable if lib.tier <= 2

is_production(env) if env.kind == "production"

is_production(env) if {
	not env.kind
	lower(env.name) in params.production_names
}

has_staging if {
	some env in lib.environments
	env.kind == "staging"
}

has_pre_production if {
	some env in lib.environments
	not object.get(env, "kind", null) in {null, "production", "development"}
}

has_pre_production if {
	some env in lib.environments
	object.get(env, "kind", null) == null
	lower(object.get(env, "name", "")) in params.pre_production_names
}

# An environment without a kind, under no telling name, may or may not run
# releases before production.
unknown_kind contains i if {
	some i, env in lib.environments
	object.get(env, "kind", null) == null
	not is_production(env)
}

unanswered contains lib.finding(msg, path) if {
	lib.tier == 2
	not has_pre_production
	some i in unknown_kind
	env := lib.environments[i]
	msg := sprintf("the design does not say what kind of environment %q is", [object.get(env, "name", i)])
	path := sprintf("environments[%d].kind", [i])
}

unanswered contains lib.finding(msg, "environments") if {
	applicable
	count(lib.environments) == 0
	msg := "the design does not list the environments the service runs in"
}

deny contains lib.finding(msg, "environments") if {
	lib.critical
	count(lib.environments) > 0
	not has_staging
	msg := sprintf("a tier %d service has no staging environment to verify releases before production", [lib.tier])
}

deny contains lib.finding(msg, "environments") if {
	lib.tier == 2
	count(lib.environments) > 0
	count(unknown_kind) == 0
	not has_pre_production
	msg := "no test or staging environment runs a release before production"
}

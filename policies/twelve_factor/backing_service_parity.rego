# METADATA
# title: Non-production environments run the same kinds of backing services as production
# description: |-
#   Swapping PostgreSQL for SQLite, or a real broker for an in-memory fake,
#   in development and test hides the differences that break production:
#   SQL dialects, locking, transaction isolation, delivery semantics. Tests
#   pass, and the bug is found by users. Running the same kinds (and ideally
#   versions) of backing services everywhere, which containers and managed
#   services make cheap, keeps what was tested close to what runs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_multi_env.html
#     description: OPS05-BP08 Use multiple environments
#   - ref: https://12factor.net/dev-prod-parity
#     description: Twelve-Factor App, X. Dev/prod parity
# custom:
#   id: TF022
#   severity: medium
#   level: proactive
#   check: threshold
#   best_practices: [OPS05-BP08]
#   params:
#     production_names:
#       description: environment names read as production when an environment states no kind
#       value: [production, prod]
#   frameworks:
#     twelve-factor: dev-prod-parity
#     well-architected: operational-excellence
#     production-readiness: testing
#   remediation: |-
#     Run the production engines in every environment (for example with
#     containers locally and small managed instances in test and staging) and
#     set `backing_services: same-as-production` on each environment.
#   applicability: The design lists at least one non-production environment.
#   example: |-
#     environments:
#       - name: staging
#         kind: staging
#         backing_services: same-as-production
#       - name: production
#         kind: production
package archvet.rules.twelve_factor.backing_service_parity

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

is_production(env) if env.kind == "production"

is_production(env) if {
	not env.kind
	lower(env.name) in params.production_names
}

non_production contains [i, env] if {
	some i, env in lib.environments
	not is_production(env)
}

applicable if count(non_production) > 0

deny contains lib.finding(msg, path) if {
	some [i, env] in non_production
	env.backing_services == "substitutes"
	msg := sprintf("environment %q runs substitutes for production's backing services", [env.name])
	path := sprintf("environments[%d].backing_services", [i])
}

unanswered contains lib.finding(msg, path) if {
	some [i, env] in non_production
	not env.backing_services
	msg := sprintf("the design does not say whether environment %q runs the same backing services as production", [env.name])
	path := sprintf("environments[%d].backing_services", [i])
}

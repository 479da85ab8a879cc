# METADATA
# title: The codebase's deploys are the environments the design runs in
# description: |-
#   Twelve-Factor's first factor is one codebase with many deploys: every
#   environment that runs the service runs a build of the same repository,
#   at some commit. The design states that twice, once as the codebase's
#   deploys and once as the environments, and the two lists must agree. A
#   deploy that no environment describes is a running copy nobody reviews
#   (its backing services, its pipeline, its lead time), and an environment
#   the codebase does not deploy runs something else: a fork, another
#   repository, or code nobody can trace to a commit. Developer machines
#   are deploys too, but they need not be listed.
# related_resources:
#   - ref: https://12factor.net/codebase
#     description: Twelve-Factor App, I. Codebase
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_multi_env.html
#     description: OPS05-BP08 Use multiple environments
# custom:
#   id: TF031
#   severity: low
#   level: proactive
#   check: reasoning
#   best_practices: [OPS05-BP08]
#   frameworks:
#     twelve-factor: codebase
#     well-architected: operational-excellence
#   remediation: |-
#     Make `codebase.deploys` and `environments` name the same environments:
#     describe every deploy of the codebase as an environment (its kind, its
#     backing services, how it is deployed), and build every shared
#     environment from this one repository.
#   applicability: The design lists the codebase's deploys.
#   example: |-
#     codebase:
#       repository: https://git.example.com/shop/orders
#       deploys: [staging, production]
#     environments:
#       - name: staging
#         kind: staging
#       - name: production
#         kind: production
package archvet.rules.twelve_factor.codebase_deploys

import rego.v1

import data.archvet.lib

deploys := object.get(input, ["codebase", "deploys"], [])

applicable if count(deploys) > 0

# Both lists by lower-cased name, each computed once.
deploy_names contains lower(d) if some d in deploys

environment_names contains lower(env.name) if some env in lib.environments

unanswered contains lib.finding(msg, "environments") if {
	applicable
	count(lib.environments) == 0
	msg := sprintf("the design lists %d deploy(s) of the codebase but no environments to check them against", [count(deploys)])
}

deny contains lib.finding(msg, path) if {
	count(lib.environments) > 0
	some i, d in deploys
	not lower(d) in environment_names
	msg := sprintf("deploy %q of the codebase is not among the environments the design describes", [d])
	path := sprintf("codebase.deploys[%d]", [i])
}

deny contains lib.finding(msg, path) if {
	applicable
	some i, env in lib.environments
	object.get(env, "kind", "") != "development"
	not lower(env.name) in deploy_names
	msg := sprintf("environment %q is not a deploy of this codebase, so what it runs cannot be traced to the repository", [env.name])
	path := sprintf("environments[%d].name", [i])
}

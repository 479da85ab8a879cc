# METADATA
# title: Changes reach every environment within a short lead time
# description: |-
#   The longer a merged change waits before it runs in an environment, the
#   larger each release becomes, the harder a failure is to pin on one
#   change, and the further the code under test drifts from what runs in
#   production. Keeping the gap to hours makes releases small and reversible.
#   Critical services (tiers 0 and 1) should get a change everywhere within
#   24 hours, others within a week.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_freq_sm_rev_chg.html
#     description: OPS05-BP09 Make frequent, small, reversible changes
#   - ref: https://12factor.net/dev-prod-parity
#     description: Twelve-Factor App, X. Dev/prod parity
# custom:
#   id: TF024
#   severity: low
#   level: strategic
#   best_practices: [OPS05-BP09]
#   check: threshold
#   params:
#     max_lead_time_hours:
#       description: longest time a merged change may take to reach an environment
#       tiers: [12, 24, 168, 336]
#     production_names:
#       description: environment names read as production when an environment states no kind
#       value: [production, prod]
#   frameworks:
#     twelve-factor: dev-prod-parity
#     well-architected: operational-excellence
#     production-readiness: change-management
#   remediation: |-
#     Deploy continuously or at least daily: automate promotion between
#     environments, hide unfinished work behind feature flags instead of
#     holding back releases, and record the typical merge-to-running time in
#     `lead_time_hours` for each environment, production included.
#   applicability: The design lists at least one environment; the limit is 24 hours for tiers 0 and 1 and 168 hours for tiers 2 and 3.
#   example: |-
#     environments:
#       - name: staging
#         kind: staging
#         lead_time_hours: 0.5
#       - name: production
#         kind: production
#         lead_time_hours: 4
package archvet.rules.twelve_factor.short_lead_time

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

limit_hours := params.max_lead_time_hours

applicable if count(lib.environments) > 0

is_production(env) if env.kind == "production"

is_production(env) if {
	not env.kind
	lower(env.name) in params.production_names
}

deny contains lib.finding(msg, path) if {
	some i, env in lib.environments
	env.lead_time_hours > limit_hours
	msg := sprintf("a change takes %vh to reach environment %q; a tier %d service should take at most %dh", [env.lead_time_hours, env.name, lib.tier, limit_hours])
	path := sprintf("environments[%d].lead_time_hours", [i])
}

unanswered contains lib.finding(msg, path) if {
	some i, env in lib.environments
	is_production(env)
	object.get(env, "lead_time_hours", null) == null
	msg := sprintf("the design does not say how long a merged change takes to reach environment %q", [env.name])
	path := sprintf("environments[%d].lead_time_hours", [i])
}

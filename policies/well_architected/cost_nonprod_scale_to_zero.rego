# METADATA
# title: Idle non-production environments scale to zero
# description: |-
#   Development, test and staging environments are used during working
#   hours and for the odd pipeline run, yet they are usually billed around
#   the clock. Scaling them to zero when idle, by schedule or on inactivity,
#   removes most of their cost without slowing anyone down, provided they
#   can be brought back quickly and automatically. It also stops spending
#   energy on hardware nobody uses. This is one fact with one rule:
#   `cost.scale_to_zero` states it, and the older
#   `sustainability.idle_scale_down` is read as the same statement, so the two
#   must not disagree.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_manage_demand_resources_dynamic.html
#     description: COST09-BP03 Supply resources dynamically
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_decomissioning_resources_decomm_automated.html
#     description: COST04-BP04 Decommission resources automatically
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_user_a4.html
#     description: SUS02-BP03 Stop the creation and maintenance of unused assets
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_dev_a4.html
#     description: SUS06-BP04 Increase utilization of build environments
# custom:
#   id: WA358
#   severity: low
#   level: proactive
#   check: reasoning
#   best_practices: [COST09-BP03, COST04-BP04, SUS02-BP03, SUS06-BP04]
#   frameworks:
#     well-architected: cost-optimization
#   remediation: |-
#     Schedule non-production environments to stop outside working hours or
#     scale them to zero on inactivity (instance schedulers, scale-to-zero
#     platforms, ephemeral preview environments), and set
#     `cost.scale_to_zero: true`.
#   applicability: The service declares at least one development, test or staging environment.
#   example: |-
#     environments:
#       - name: staging
#         kind: staging
#       - name: prod
#         kind: production
#     cost:
#       scale_to_zero: true
package archvet.rules.well_architected.cost_nonprod_scale_to_zero

import rego.v1

import data.archvet.lib

nonprod contains env.name if {
	some env in lib.environments
	object.get(env, "kind", "") in {"development", "test", "staging"}
}

applicable if count(nonprod) > 0

names := concat(", ", sort(nonprod))

scale_to_zero := object.get(input, ["cost", "scale_to_zero"], null)

idle_scale_down := object.get(input, ["sustainability", "idle_scale_down"], null)

# The statement that answers the question: the cost field first, the older
# sustainability field when only it is given.
stated := scale_to_zero if scale_to_zero != null

stated := idle_scale_down if {
	scale_to_zero == null
	idle_scale_down != null
}

deny contains lib.finding(msg, "cost.scale_to_zero") if {
	applicable
	stated == false
	msg := sprintf("non-production environments (%s) keep running when idle", [names])
}

deny contains lib.finding(msg, "sustainability.idle_scale_down") if {
	applicable
	scale_to_zero != null
	idle_scale_down != null
	scale_to_zero != idle_scale_down
	msg := sprintf(
		"cost.scale_to_zero (%v) and sustainability.idle_scale_down (%v) disagree about whether idle environments stop",
		[scale_to_zero, idle_scale_down],
	)
}

unanswered contains lib.finding(msg, "cost.scale_to_zero") if {
	applicable
	scale_to_zero == null
	idle_scale_down == null
	msg := sprintf("the design does not say whether idle non-production environments (%s) scale to zero", [names])
}

# METADATA
# title: Non-production environments are stopped when nobody uses them
# description: |-
#   Development, test and staging environments sit idle through nights,
#   weekends and holidays, yet keep drawing power on hardware reserved for
#   them. Stopping them when unused, by schedule or on inactivity, removes
#   most of their footprint, and makes environments reproducible from code
#   because they are rebuilt routinely.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_dev_a4.html
#     description: SUS06-BP04 Increase utilization of build environments
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_user_a4.html
#     description: SUS02-BP03 Stop the creation and maintenance of unused assets
# custom:
#   id: WA372
#   severity: low
#   level: proactive
#   frameworks:
#     well-architected: sustainability
#   remediation: |-
#     Stop or scale down development, test and staging environments outside
#     working hours or after a period of inactivity, bring them back
#     automatically when needed, and set `sustainability.idle_scale_down:
#     true`.
#   applicability: The service declares at least one development, test or staging environment.
#   example: |-
#     environments:
#       - name: dev
#         kind: development
#     sustainability:
#       idle_scale_down: true
package archvet.rules.well_architected.sus_idle_scale_down

import rego.v1

import data.archvet.lib

nonprod contains env.name if {
	some env in lib.environments
	lib.get(env, "kind", "") in {"development", "test", "staging"}
}

applicable if count(nonprod) > 0

names := concat(", ", sort(nonprod))

idle_scale_down := lib.get(input, ["sustainability", "idle_scale_down"], null)

deny contains lib.finding(msg, "sustainability.idle_scale_down") if {
	applicable
	idle_scale_down == false
	msg := sprintf("non-production environments (%s) keep running when nobody uses them", [names])
}

deny contains lib.finding(msg, "sustainability.idle_scale_down") if {
	applicable
	idle_scale_down == null
	msg := sprintf("the design does not say whether non-production environments (%s) are stopped when unused", [names])
}

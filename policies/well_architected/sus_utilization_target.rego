# METADATA
# title: Provisioned capacity targets at least 50% average utilisation
# description: |-
#   Servers draw a large share of their peak power even when idle, and their
#   manufacture carries embodied carbon whatever the load. A fleet that
#   averages 15% utilisation therefore wastes most of the energy and
#   hardware it consumes. Setting an explicit utilisation target of at least
#   50%, and sizing and scaling towards it, keeps capacity matched to the
#   work rather than to worst-case guesses.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_hardware_a2.html
#     description: SUS05-BP01 Use the minimum amount of hardware to meet your needs
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_user_a2.html
#     description: SUS02-BP01 Scale workload infrastructure dynamically
# custom:
#   id: WA371
#   severity: medium
#   level: strategic
#   frameworks:
#     well-architected: sustainability
#   remediation: |-
#     Set an average utilisation target of 50% or more for provisioned
#     capacity, configure autoscaling and instance sizes to reach it while
#     keeping the headroom the SLOs need, and record it as
#     `sustainability.utilization_target_percent`.
#   applicability: Every service.
#   example: |-
#     sustainability:
#       utilization_target_percent: 60
package archvet.rules.well_architected.sus_utilization_target

import rego.v1

import data.archvet.lib

minimum := 50

target := lib.get(input, ["sustainability", "utilization_target_percent"], null)

unanswered contains lib.finding(msg, "sustainability.utilization_target_percent") if {
	target == null
	msg := "the design does not set a utilisation target for provisioned capacity"
}

deny contains lib.finding(msg, "sustainability.utilization_target_percent") if {
	target != null
	target < minimum
	msg := sprintf("the utilisation target of %v%% leaves most provisioned capacity idle; aim for at least %d%%", [target, minimum])
}

# METADATA
# title: The utilisation target keeps little capacity idle, yet no more than the headroom allows
# description: |-
#   Servers draw a large share of their peak power even when idle, and their
#   manufacture carries embodied carbon whatever the load, so a fleet kept at
#   15% utilisation wastes most of what it consumes. A utilisation target
#   (the level autoscaling and sizing keep the fleet at under load) should
#   therefore be high. It cannot be higher than the headroom the capacity
#   plan keeps for a zone loss or a spike, though: with H% spare capacity
#   above the peak, the fleet runs at most at 100 / (1 + H/100) percent at
#   peak. The floor is therefore the lower of the tier's minimum and that
#   ceiling, and a target above the ceiling contradicts the headroom.
#   Critical tiers keep more spare capacity, so their floor is no higher.
# related_resources:
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_hardware_a2.html
#     description: SUS05-BP01 Use the minimum amount of hardware to meet your needs
#   - ref: https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_user_a2.html
#     description: SUS02-BP01 Scale workload infrastructure dynamically
# custom:
#   id: WA371
#   severity: medium
#   level: strategic
#   check: reasoning
#   best_practices: [SUS05-BP01, SUS02-BP01]
#   params:
#     min_utilization_percent:
#       description: lowest utilisation target accepted when the headroom allows it, in percent
#       tiers: [50, 50, 40, 30]
#   frameworks:
#     well-architected: sustainability
#   remediation: |-
#     Set a utilisation target for provisioned capacity at the tier's minimum
#     or above, but no higher than the capacity plan's headroom allows
#     (100 / (1 + `capacity.headroom_percent` / 100)); configure autoscaling
#     and instance sizes to reach it, and record it as
#     `sustainability.utilization_target_percent`.
#   applicability: Every service.
#   example: |-
#     capacity:
#       headroom_percent: 50
#     sustainability:
#       utilization_target_percent: 60
package archvet.rules.well_architected.sus_utilization_target

import rego.v1

import data.archvet.lib

params := lib.params(rego.metadata.chain())

target := object.get(input, ["sustainability", "utilization_target_percent"], null)

headroom := object.get(input, ["capacity", "headroom_percent"], null)

# The highest utilisation the fleet can be kept at while still holding the
# planned headroom; 100 when the design states no headroom.
default ceiling := 100

ceiling := 100 / (1 + (headroom / 100)) if headroom != null

utilization_floor := min({params.min_utilization_percent, ceiling})

unanswered contains lib.finding(msg, "sustainability.utilization_target_percent") if {
	target == null
	msg := "the design does not set a utilisation target for provisioned capacity"
}

deny contains lib.finding(msg, "sustainability.utilization_target_percent") if {
	target != null
	target < utilization_floor
	msg := sprintf("the utilisation target of %v%% leaves most provisioned capacity idle; aim for at least %v%%", [target, round(utilization_floor * 10) / 10])
}

deny contains lib.finding(msg, "sustainability.utilization_target_percent") if {
	target != null
	headroom != null
	target > ceiling
	msg := sprintf(
		"a utilisation target of %v%% leaves less spare capacity than the %v%% headroom the capacity plan keeps (at most %v%% utilisation)",
		[target, headroom, round(ceiling * 10) / 10],
	)
}
